/**
 * Route builders for the admin API. A resource (users, roles, apps, SMS forwarding rules) has a
 * collection path, one OpenAPI tag, a read and a write permission and an audit target type; the
 * builders add those, the guard (`adminRoute`) and the shared error responses to each route, so
 * a route file only states what is its own: summaries, request/response schemas, conflict codes.
 */
import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi'
import type { Permission } from '../../modules/identity/index.ts'
import { adminRoute } from './context.ts'
import {
  conflictError,
  guardedErrors,
  idParam,
  jsonBody,
  jsonResponse,
  noContent,
  notFoundError,
} from './schemas.ts'

export interface AdminResource {
  /** OpenAPI tag, e.g. `Admin: roles`. */
  tag: string
  /** The collection; one item is `${path}/{id}`. */
  path: `/v1/admin/${string}`
  /** Audit target type, e.g. `role`. */
  targetType: string
  /** Audit action prefix: `role` gives `role.list`, `role.get`, `role.create`, ... */
  actions: string
  read: Permission
  write: Permission
  /** For operationIds: `User` and `Users` give `adminGetUser`, `adminListUsers`, ... */
  one: string
  many: string
}

interface Doc {
  summary: string
  description?: string
}

type RequestSpec = RouteConfig['request']
/**
 * What a route states itself, including its stable operationId (clients are generated from it);
 * the builder adds tags, security, method, path and the guard.
 */
type RouteBody = Omit<RouteConfig, 'tags' | 'security' | 'method' | 'path' | 'middleware'> &
  Doc & { operationId: string }

const doc = ({ summary, description }: Doc) =>
  description === undefined ? { summary } : { summary, description }

/** A 409 listing the codes a route can answer with, or nothing when it has none. */
const conflicts = (codes: string | undefined) => (codes === undefined ? {} : conflictError(codes))

export function adminResource(resource: AdminResource) {
  const { path, targetType } = resource

  /**
   * Any route of the resource. `suffix` is appended to the collection path; a suffix starting
   * with `/{id}` names the target of the audit entry.
   */
  function route<const R extends RouteBody>(
    method: RouteConfig['method'],
    suffix: string,
    access: 'read' | 'write',
    action: string,
    body: R,
  ) {
    const byId = suffix.startsWith('/{id}')
    const guard = adminRoute({
      permission: resource[access],
      action: `${resource.actions}.${action}`,
      targetType,
      ...(byId ? { targetParam: 'id' } : {}),
    })
    return createRoute({
      tags: [resource.tag],
      security: [{ bearerAuth: [] }],
      method,
      path: `${path}${suffix}`,
      ...body,
      middleware: [guard],
    })
  }

  return {
    route,

    /** `GET /collection`: `schema` is the whole answer (a page, or `{ items }`). */
    list<S extends z.ZodType, const Q extends RequestSpec = undefined>(
      spec: Doc & { schema: S; label: string; request?: Q },
    ) {
      return route('get', '', 'read', 'list', {
        operationId: `adminList${resource.many}`,
        ...doc(spec),
        // Absent for most lists; a filtered one passes its query schema.
        request: spec.request as Q,
        responses: { 200: jsonResponse(spec.schema, spec.label), ...guardedErrors },
      })
    },

    /** `GET /collection/{id}`. */
    get<S extends z.ZodType>(spec: Doc & { schema: S; label: string }) {
      return route('get', '/{id}', 'read', 'get', {
        operationId: `adminGet${resource.one}`,
        ...doc(spec),
        request: { params: idParam },
        responses: {
          200: jsonResponse(spec.schema, spec.label),
          ...guardedErrors,
          ...notFoundError,
        },
      })
    },

    /** `POST /collection` answering 201 with `schema`; `conflict` names the 409 codes. */
    create<B extends z.ZodType, S extends z.ZodType>(
      spec: Doc & { body: B; schema: S; conflict: string },
    ) {
      return route('post', '', 'write', 'create', {
        operationId: `adminCreate${resource.one}`,
        ...doc(spec),
        request: { body: jsonBody(spec.body) },
        responses: {
          201: jsonResponse(spec.schema, 'Created'),
          ...guardedErrors,
          ...conflictError(spec.conflict),
        },
      })
    },

    /** `PATCH /collection/{id}`. */
    update<B extends z.ZodType, S extends z.ZodType>(
      spec: Doc & { body: B; schema: S; label: string; conflict?: string },
    ) {
      return route('patch', '/{id}', 'write', 'update', {
        operationId: `adminUpdate${resource.one}`,
        ...doc(spec),
        request: { params: idParam, body: jsonBody(spec.body) },
        responses: {
          200: jsonResponse(spec.schema, spec.label),
          ...guardedErrors,
          ...notFoundError,
          ...conflicts(spec.conflict),
        },
      })
    },

    /** `DELETE /collection/{id}` answering 204. */
    remove(spec: Doc & { conflict?: string }) {
      return route('delete', '/{id}', 'write', 'delete', {
        operationId: `adminDelete${resource.one}`,
        ...doc(spec),
        request: { params: idParam },
        responses: {
          ...noContent,
          ...guardedErrors,
          ...notFoundError,
          ...conflicts(spec.conflict),
        },
      })
    },
  }
}
