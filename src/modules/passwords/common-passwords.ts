// Generated from well-known public lists of the most common passwords (RockYou, SplashData and
// NordPass yearly lists, Russian-keyboard and transliterated favourites) with their usual
// suffixes. Only entries of 8+ characters: shorter ones fail the length rule anyway. Compared
// lower-cased after NFKC (see policy.ts). 7,581 entries, stored as 939 base words that are
// blocked with every suffix below plus 344 others, and expanded into a Set on first use: written
// out in full the list was 18 KB of every gzipped Worker bundle, this way it is 5 KB.

/** Each base word is blocked with each of these suffixes (where the result has 8+ characters). */
const suffixes = ['', '1', '!', '1!', '12', '123', '1234', '12345', '2024', '2025']

const bases = `
!qaz2wsx 0000 00000 000000 00000000 0000000000 007007 01012011 0987654321 101010 102030 1111 11111
111111 1111111 11111111 1111111111 11112222 112233 11223344 1212 121212 12121212 123123 123123123
123321 1234 12341234 12344321 12345 123454321 1234554321 123456 123456654321 1234567 12345678
123456789 1234567890 12345678910 123456789a 123456a 123456q 12345a 12345йцукен 1234qwer 123654
123abc 123qwe 123йцукен 12qwaszx 1313 131313 13579 135790 1357924680 147258 147258369 147852
147852369 159357 159753 159951 1988 1989 1990 1991 1992 1993 1q2w3e 1q2w3e4r 1q2w3e4r5t
1q2w3e4r5t6y 1qaz2wsx 1qaz2wsx3edc 1qaz@wsx 1qazxsw2 2000 2112 212121 2222 222222 2222222222
232323 2468 246810 252525 315475 321321 333333 4444 444444 456123 456456 4815162342 5150 5555
55555 555555 654321 666666 696969 69696969 741852963 753951 7777 777777 7777777 789456 789456123
789789 852456 8675309 87654321 888888 88888888 963852741 987654 987654321 9876543210 999999
a123456789 aaaaaa abc abc123 abc12345 abc123456 abcd1234 abcdef abcdefg abcdefgh abcdefghi access
adidas admin admin123 administrator airborne albert aleksandr aleksandra aleksey alex alexande
alexander alexandr alexey alexis alina amanda america anastasia andrea andrei andrew andrew1
andrey angel angela angels animal anthony anthony1 apollo apple apples april arsenal arthur asdasd
asdf asdf1234 asdfasdf asdfgh asdfghjk asdfghjkl asdzxc ashley ashley1 august austin autumn azerty
baby babygirl babygirl1 badboy bailey banana bandit barney baseball baseball1 batman batman123
bear beatles beaver beavis beer benjamin bhbyf bigboy bigdaddy bigdick bigdog birdie bitch biteme
black blazer blink182 blowjob blue bond007 bonnie booboo booger boomer boston brandon brandy
braves bronco broncos brooklyn bubba bubbles buddy buffalo bujhm bulldog bullshit business buster
butter calvin camaro cameron canada captain carlos carolina carter cartman casper cassie celtic
cfif chance changeme charles charlie charlie1 cheese chelsea chelsea1 cherry chester chicago
chicken chocolate chris cjkysirj cocacola cock coffee company compaq computer computer1 cookie
cooper copper corvette cowboy cowboys creative cricket crystal cska cskamoskva cthutq dakota
dallas daniel daniel1 danielle darkness database david debbie december dennis destiny dexter
diablo diamond dick dickhead digital dima dimon dinamo dmitriy dmitry doctor doggie dolphin
dolphins donald donkey dostup dragon dragon123 drakon dreams driver eagles eclipse edward
ekaterina elena elephant eminem enter explorer facebook falcon family february fender ferrari fire
fish fishing fktrcfylh fktrcfylhf fktrctq florida flower fluffy flyers football football1 forever
fred freddy freedom friday friends fuck fucker fylhtq gabriel gandalf garfield gateway gators
gemini george gfhjkm gfhjkm123 ghbdtn ghbdtn123 giants gibson ginger girls gjkbyf gmail godzilla
golden golf golfer goober google googledummy gordon green guinness guitar gunner hammer hannah
hannah1 happy hardcore harley heather heaven hello hello123 hello1234 helloworld helpme hockey
hooters horny hotdog hotmail hunter iceman ilovemyself ilovethem iloveu iloveyou iloveyou1
iloveyou2 instagram internet internet1 irina ivan ivanov jack jackass jackie jackson jaguar james
january jasmine jasmine1 jason jasper jennifer jennifer1 jeremy jessica jessica1 jessie jkmuf john
johnny johnson jonathan jordan jordan1 jordan23 joseph joshua joshua1 july june junior justin
k.,jdm katya killer kiska kitten klaster knight koshka kotenok kotik lakers lapochka lasvegas
lauren lbvf legend letmein letmein1 letmein123 lifehack linkedin linux little liverpoo liverpool
ljubov login lokomotiv lol123 london loshad louise love lovelove lovely loveme lover lovers
loveyou loveyou1 ltybc lublutebya lubov lucky lyublyutebya lyubov maddog madison maggie magic
magnum maksim malysh mamochka manager march marina marine marlboro martin marvin masha masik
master master1 master123 matrix matthew matthew1 maverick maxim maxwell medved melissa member
mercedes merlin metallic metallica mexico michael michael1 michelle michelle1 michigan mickey
microsoft midnight mike mikhail miller minecraft monday money monica monkey monkey123 monster
montana morgan moscow moskva mother mountain muffin murphy mustang mysql nascar nastya natalia
natalya natasha nathan ncc1701 nelson network newyork nfyz nicholas nicole nicole1 nikita nikolai
nikolay nintendo nirvana nissan nothing nothing1 november october office olga oliver online oracle
orange p@ssw0rd p@ssword pa55word packers pakistan pantera panther panties paradise parker parol
parol1 parol123 pass pass1234 passpass passw0rd password password! password1 password12
password123 password1234 patrick peaches peanut pepper peter petrov phantom phoenix pirate piter
platinum playboy player please pokemon police poohbear pookie porn porsche postgres power prince
princesa princess princess1 princess12 private privet privet123 pumpkin pupsik purple q1w2e3
q1w2e3r4 q1w2e3r4t5 qazwsx qazwsxedc qazxsw qqqqqq qwaszx qwe123 qweasd qweasdzxc qweqwe qwer1234
qwert qwerty qwerty1 qwerty12 qwerty123 qwerty1234 qwerty12345 qwertyu qwertyui qwertyuiop rabbit
rachel raiders rainbow ranger rangers razz rebecca red123 redskins redsox redwings rfnz richard
rjntyjr robert robert1 rocket root rosebud rossija rossiya runner rush2112 russia russia2000 rybka
samantha samson samsung samuel sandra sasha sashenka saturday saturn school scooby scooter scorpio
scorpion scott secret secret123 september sergei sergey server shadow shadow123 shannon shelby
shithead sidorov sierra silver skippy slayer slipknot smokey snickers sniper snoopy snowball
sobaka soccer solnishko solnyshko sophie spanky sparky spartak spartakmoskva spencer spider spring
startrek starwars starwars1 steelers stella steve steven stupid success suckit summer summer1
sunday sunflower sunshine sunshine1 superman superman1 superstar surfer svetlana sydney system
tatiana tatyana taylor tennis test testing theman therock thomas thomas1 thunder thursday thx1138
tiffany tiger tigers tigger tits tomcat toor topgun toyota travis trinity trouble trustno1 tucker
tuesday turtle twitter ubuntu united vbkfyf vfhbyf vfif vfrcbv vfvjxrf victor victoria viking
vladimir voodoo voyager walter warrior wednesday welcome welcome1 welcome123 welcome2 whatever
whatsup william william1 williams willie willow wilson windows winner winston winter winter1
wizard xavier xsw2zaq1 xxxxxx xxxxxxxx yahoo yamaha yankee yankees yellow yfnfif youtube ytnj
yulia zaichik zaika zaq12wsx zaq1zaq1 zenit zenitpiter zxc123 zxcasdqwe zxcvbn zxcvbnm zzzzzz
админ администратор александр александра алексей алина анастасия ангел андрей белый владимир дима
димон динамо дмитрий доступ дракон екатерина елена зайка зайчик зеленый зенит иван иванов ирина
йцукен йцукен123 йцукен12345 йцукенг йцукенгш йцукенгшщз йцукенгшщзхъ катя киска котенок котик
кошка красный лапочка локомотив лошадь люблютебя любовь любовь123 максим малыш мама мамочка марина
масик маша медведь михаил москва настя наташа николай ольга папа пароль пароль1 пароль123
парольпароль петров питер привет привет123 пупсик россия рыбка саша сашенька светлана сергей
сидоров собака солнце солнышко спартак татьяна фывапр фывапролд фывапролджэ цска черный юлия
ячсмит ячсмитьбю
`

const others = `
!@#$%^&* !@#$%^&*( !@#$%^&*() 000000000 00000000000 000000000000 01011960 01011961 01011962
01011963 01011964 01011965 01011966 01011967 01011968 01011969 01011970 01011971 01011972 01011973
01011974 01011975 01011976 01011977 01011978 01011979 01011980 01011981 01011982 01011983 01011984
01011985 01011986 01011987 01011988 01011989 01011990 01011991 01011992 01011993 01011994 01011995
01011996 01011997 01011998 01011999 01012000 01012001 01012002 01012003 01012004 01012005 01012006
01012007 01012008 01012009 01012010 01012012 01012013 01012014 01012015 01012016 01012017 01012018
01012019 01012020 01012021 01012022 01012023 01012024 01012025 01012026 09876543 098765432
111111111111 1q2w3e4r5 1q2w3e4r5t6 1q2w3e4r5t6y7 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8 1q2w3e4r5t6y7u8i
1q2w3e4r5t6y7u8i9 1q2w3e4r5t6y7u8i9o 1q2w3e4r5t6y7u8i9o0 1q2w3e4r5t6y7u8i9o0p 22222222 222222222
22222222222 222222222222 33333333 333333333 3333333333 33333333333 333333333333 44444444 444444444
4444444444 44444444444 444444444444 55555555 555555555 5555555555 55555555555 555555555555
66666666 666666666 6666666666 66666666666 666666666666 77777777 777777777 7777777777 77777777777
777777777777 888888888 8888888888 88888888888 888888888888 99999999 999999999 9999999999
99999999999 999999999999 lkjhgfds lkjhgfdsa password1960 password1961 password1962 password1963
password1964 password1965 password1966 password1967 password1968 password1969 password1970
password1971 password1972 password1973 password1974 password1975 password1976 password1977
password1978 password1979 password1980 password1981 password1982 password1983 password1984
password1985 password1986 password1987 password1988 password1989 password1990 password1991
password1992 password1993 password1994 password1995 password1996 password1997 password1998
password1999 password2000 password2001 password2002 password2003 password2004 password2005
password2006 password2007 password2008 password2009 password2010 password2011 password2012
password2013 password2014 password2015 password2016 password2017 password2018 password2019
password2020 password2021 password2022 password2023 password2026 poiuytre poiuytrew poiuytrewq
qazwsxed qazwsxedcr qazwsxedcrf qazwsxedcrfv qweasdzx qwerty1960 qwerty1961 qwerty1962 qwerty1963
qwerty1964 qwerty1965 qwerty1966 qwerty1967 qwerty1968 qwerty1969 qwerty1970 qwerty1971 qwerty1972
qwerty1973 qwerty1974 qwerty1975 qwerty1976 qwerty1977 qwerty1978 qwerty1979 qwerty1980 qwerty1981
qwerty1982 qwerty1983 qwerty1984 qwerty1985 qwerty1986 qwerty1987 qwerty1988 qwerty1989 qwerty1990
qwerty1991 qwerty1992 qwerty1993 qwerty1994 qwerty1995 qwerty1996 qwerty1997 qwerty1998 qwerty1999
qwerty2000 qwerty2001 qwerty2002 qwerty2003 qwerty2004 qwerty2005 qwerty2006 qwerty2007 qwerty2008
qwerty2009 qwerty2010 qwerty2011 qwerty2012 qwerty2013 qwerty2014 qwerty2015 qwerty2016 qwerty2017
qwerty2018 qwerty2019 qwerty2020 qwerty2021 qwerty2022 qwerty2023 qwerty2026 qwertyas qwertyasd
qwertyasdf qwertyasdfg qwertyasdfgh qwertyuio zaq1xsw2 zaq1xsw2c zaq1xsw2cd zaq1xsw2cde
zaq1xsw2cde3 йцукенгшщ йцукенгшщзх пароль1960 пароль1961 пароль1962 пароль1963 пароль1964
пароль1965 пароль1966 пароль1967 пароль1968 пароль1969 пароль1970 пароль1971 пароль1972 пароль1973
пароль1974 пароль1975 пароль1976 пароль1977 пароль1978 пароль1979 пароль1980 пароль1981 пароль1982
пароль1983 пароль1984 пароль1985 пароль1986 пароль1987 пароль1988 пароль1989 пароль1990 пароль1991
пароль1992 пароль1993 пароль1994 пароль1995 пароль1996 пароль1997 пароль1998 пароль1999 пароль2000
пароль2001 пароль2002 пароль2003 пароль2004 пароль2005 пароль2006 пароль2007 пароль2008 пароль2009
пароль2010 пароль2011 пароль2012 пароль2013 пароль2014 пароль2015 пароль2016 пароль2017 пароль2018
пароль2019 пароль2020 пароль2021 пароль2022 пароль2023 пароль2026 фывапрол фывапролдж ячсмитьб
`

let set: Set<string> | undefined

const words = (text: string) => text.split(/\s+/).filter(Boolean)

/** The blocklist as a set (built lazily: most isolates never check a password). */
export function commonPasswordSet(): ReadonlySet<string> {
  if (!set) {
    set = new Set(words(others))
    for (const base of words(bases)) {
      for (const suffix of suffixes) if (base.length + suffix.length >= 8) set.add(base + suffix)
    }
  }
  return set
}
