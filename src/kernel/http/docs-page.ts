/**
 * A self-contained API reference page: it loads `/openapi.json` and renders every operation
 * with its parameters, request body and responses. No CDN: the edge and closed networks alike
 * must serve it. Its inline script and style carry the response's CSP nonce.
 */
export const docsPage = (nonce: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Propusk API reference</title>
<style nonce="${nonce}">
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#14213d;color:#fff;padding:20px 32px}header h1{margin:0;font-size:22px}
main{max-width:980px;margin:0 auto;padding:24px}
.op{background:#fff;border:1px solid #dde1e6;border-radius:8px;margin:12px 0;padding:0}
.op summary{cursor:pointer;padding:12px 16px;display:flex;gap:12px;align-items:center}
.m{font:600 12px monospace;text-transform:uppercase;padding:3px 8px;border-radius:4px;color:#fff;min-width:52px;text-align:center}
.get{background:#2f7d32}.post{background:#1565c0}.put,.patch{background:#b26a00}.delete{background:#b71c1c}
.path{font-family:monospace;font-weight:600}.sum{color:#555}.body{padding:0 16px 16px}
pre{background:#f0f2f5;padding:10px;border-radius:6px;overflow:auto;font-size:12px}
h2{margin-top:32px;font-size:17px;color:#14213d}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;font-size:13px}
</style></head><body><header><h1>Propusk API reference</h1><div id="info"></div></header><main id="root">Loading…</main>
<script nonce="${nonce}">
const esc=(s)=>String(s??'').replace(/[&<>"]/g,(ch)=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'})[ch]);
const json=(v)=>'<pre>'+esc(JSON.stringify(v,null,2))+'</pre>';
fetch('openapi.json').then((r)=>r.json()).then((doc)=>{
  document.getElementById('info').textContent=doc.info.title+' '+doc.info.version;
  const byTag={};
  for(const [path,item] of Object.entries(doc.paths||{}))for(const [method,op] of Object.entries(item)){
    const tag=(op.tags&&op.tags[0])||'Other';(byTag[tag]=byTag[tag]||[]).push({path,method,op});}
  let html='<p>'+esc(doc.info.description)+'</p>';
  for(const [tag,ops] of Object.entries(byTag)){html+='<h2>'+esc(tag)+'</h2>';
    for(const {path,method,op} of ops){html+='<details class="op"><summary><span class="m '+method+'">'+method+'</span><span class="path">'+esc(path)+'</span><span class="sum">'+esc(op.summary)+'</span></summary><div class="body">';
      if(op.description)html+='<p>'+esc(op.description)+'</p>';
      if(op.parameters&&op.parameters.length)html+='<h4>Parameters</h4><table>'+op.parameters.map((p)=>'<tr><td><code>'+esc(p.name)+'</code></td><td>'+esc(p.in)+'</td><td>'+(p.required?'required':'')+'</td><td>'+esc(p.description)+'</td></tr>').join('')+'</table>';
      const body=op.requestBody&&op.requestBody.content&&op.requestBody.content['application/json'];
      if(body)html+='<h4>Request body</h4>'+json(body.schema);
      for(const [status,res] of Object.entries(op.responses||{})){const c=res.content&&res.content['application/json'];html+='<h4>'+esc(status)+' — '+esc(res.description)+'</h4>'+(c?json(c.schema):'');}
      html+='</div></details>';}}
  html+='<h2>Schemas</h2>'+json((doc.components||{}).schemas||{});
  html+='<h2>Error codes</h2><table>'+(doc['x-error-codes']||[]).map((e)=>'<tr><td><code>'+esc(e.code)+'</code></td><td>'+e.status+'</td><td>'+esc(e.message)+'</td><td>'+esc(e.owner)+'</td></tr>').join('')+'</table>';
  document.getElementById('root').innerHTML=html;
}).catch((e)=>{document.getElementById('root').textContent='Could not load openapi.json: '+e});
</script></body></html>`
