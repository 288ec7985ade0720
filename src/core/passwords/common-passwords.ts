// Generated from well-known public lists of the most common passwords (RockYou, SplashData and
// NordPass yearly lists, Russian-keyboard and transliterated favourites) with their usual
// suffixes (1, 123, !, years). Only entries of 8+ characters: shorter ones fail the length rule
// anyway. Compared lower-cased after NFKC (see policy.ts). Kept as one whitespace-separated
// string: a few tens of KB in the Worker bundle, parsed once into a Set on first use.
const list = `
!@#$%^&* !@#$%^&*( !@#$%^&*() !qaz2wsx !qaz2wsx! !qaz2wsx1 !qaz2wsx1! !qaz2wsx12 !qaz2wsx123
!qaz2wsx1234 !qaz2wsx12345 !qaz2wsx2024 !qaz2wsx2025 00000000 00000000! 000000000 0000000000
0000000000! 00000000000 000000000000 00000000001 00000000001! 000000000012 0000000000123
00000000001234 000000000012345 00000000002024 00000000002025 000000001 000000001! 0000000012
00000000123 000000001234 0000000012345 000000002024 000000002025 0000001! 00000012 000000123
0000001234 00000012345 0000002024 0000002025 00000123 000001234 0000012345 000002024 000002025
00001234 000012345 00002024 00002025 0070071! 00700712 007007123 0070071234 00700712345
0070072024 0070072025 01011960 01011961 01011962 01011963 01011964 01011965 01011966 01011967
01011968 01011969 01011970 01011971 01011972 01011973 01011974 01011975 01011976 01011977
01011978 01011979 01011980 01011981 01011982 01011983 01011984 01011985 01011986 01011987
01011988 01011989 01011990 01011991 01011992 01011993 01011994 01011995 01011996 01011997
01011998 01011999 01012000 01012001 01012002 01012003 01012004 01012005 01012006 01012007
01012008 01012009 01012010 01012011 01012011! 010120111 010120111! 0101201112 01012011123
010120111234 0101201112345 010120112024 010120112025 01012012 01012013 01012014 01012015
01012016 01012017 01012018 01012019 01012020 01012021 01012022 01012023 01012024 01012025
01012026 09876543 098765432 0987654321 0987654321! 09876543211 09876543211! 098765432112
0987654321123 09876543211234 098765432112345 09876543212024 09876543212025 1010101! 10101012
101010123 1010101234 10101012345 1010102024 1010102025 1020301! 10203012 102030123 1020301234
10203012345 1020302024 1020302025 1111111! 11111111 11111111! 111111111 111111111! 1111111111
1111111111! 11111111111 11111111111! 111111111111 111111111112 1111111111123 11111111111234
111111111112345 11111111112024 11111111112025 1111111112 11111111123 111111111234 1111111112345
111111112 111111112024 111111112025 1111111123 11111111234 111111112345 11111112 11111112024
11111112025 111111123 1111111234 11111112345 1111112024 1111112025 11111123 111111234 1111112345
111112024 111112025 11111234 111112345 11112024 11112025 11112222 11112222! 111122221 111122221!
1111222212 11112222123 111122221234 1111222212345 111122222024 111122222025 1122331! 11223312
112233123 1122331234 11223312345 1122332024 1122332025 11223344 11223344! 112233441 112233441!
1122334412 11223344123 112233441234 1122334412345 112233442024 112233442025 1212121! 12121212
12121212! 121212121 121212121! 1212121212 12121212123 121212121234 1212121212345 121212122024
121212122025 121212123 1212121234 12121212345 1212122024 1212122025 12121234 121212345 12122024
12122025 1231231! 12312312 123123123 123123123! 1231231231 1231231231! 12312312312 123123123123
1231231231234 12312312312345 1231231232024 1231231232025 1231231234 12312312345 1231232024
1231232025 1233211! 12332112 123321123 1233211234 12332112345 1233212024 1233212025 12341234
12341234! 123412341 123412341! 1234123412 12341234123 123412341234 1234123412345 123412342024
123412342025 123412345 12342024 12342025 12344321 12344321! 123443211 123443211! 1234432112
12344321123 123443211234 1234432112345 123443212024 123443212025 12345123 123451234 1234512345
123452024 123452025 123454321 123454321! 1234543211 1234543211! 12345432112 123454321123
1234543211234 12345432112345 1234543212024 1234543212025 1234554321 1234554321! 12345543211
12345543211! 123455432112 1234554321123 12345543211234 123455432112345 12345543212024
12345543212025 1234561! 12345612 123456123 1234561234 12345612345 1234562024 1234562025
123456654321 123456654321! 1234566543211 1234566543211! 12345665432112 123456654321123
1234566543211234 12345665432112345 1234566543212024 1234566543212025 1234567! 12345671 12345671!
123456712 1234567123 12345671234 123456712345 12345672024 12345672025 12345678 12345678!
123456781 123456781! 1234567812 12345678123 123456781234 1234567812345 123456782024 123456782025
123456789 123456789! 1234567890 1234567890! 12345678901 12345678901! 123456789012 1234567890123
12345678901234 123456789012345 12345678902024 12345678902025 1234567891 1234567891! 12345678910
12345678910! 123456789101 123456789101! 1234567891012 12345678910123 123456789101234
1234567891012345 123456789102024 123456789102025 12345678912 123456789123 1234567891234
12345678912345 1234567892024 1234567892025 123456789a 123456789a! 123456789a1 123456789a1!
123456789a12 123456789a123 123456789a1234 123456789a12345 123456789a2024 123456789a2025 123456a!
123456a1 123456a1! 123456a12 123456a123 123456a1234 123456a12345 123456a2024 123456a2025
123456q! 123456q1 123456q1! 123456q12 123456q123 123456q1234 123456q12345 123456q2024
123456q2025 12345a1! 12345a12 12345a123 12345a1234 12345a12345 12345a2024 12345a2025 12345йцукен
12345йцукен! 12345йцукен1 12345йцукен1! 12345йцукен12 12345йцукен123 12345йцукен1234
12345йцукен12345 12345йцукен2024 12345йцукен2025 1234qwer 1234qwer! 1234qwer1 1234qwer1!
1234qwer12 1234qwer123 1234qwer1234 1234qwer12345 1234qwer2024 1234qwer2025 1236541! 12365412
123654123 1236541234 12365412345 1236542024 1236542025 123abc1! 123abc12 123abc123 123abc1234
123abc12345 123abc2024 123abc2025 123qwe1! 123qwe12 123qwe123 123qwe1234 123qwe12345 123qwe2024
123qwe2025 123йцукен 123йцукен! 123йцукен1 123йцукен1! 123йцукен12 123йцукен123 123йцукен1234
123йцукен12345 123йцукен2024 123йцукен2025 12qwaszx 12qwaszx! 12qwaszx1 12qwaszx1! 12qwaszx12
12qwaszx123 12qwaszx1234 12qwaszx12345 12qwaszx2024 12qwaszx2025 13131234 131312345 1313131!
13131312 131313123 1313131234 13131312345 1313132024 1313132025 13132024 13132025 1357901!
13579012 135790123 1357901234 13579012345 1357902024 1357902025 13579123 135791234 1357912345
135792024 135792025 1357924680 1357924680! 13579246801 13579246801! 135792468012 1357924680123
13579246801234 135792468012345 13579246802024 13579246802025 1472581! 14725812 147258123
1472581234 14725812345 1472582024 1472582025 147258369 147258369! 1472583691 1472583691!
14725836912 147258369123 1472583691234 14725836912345 1472583692024 1472583692025 1478521!
14785212 147852123 1478521234 14785212345 1478522024 1478522025 147852369 147852369! 1478523691
1478523691! 14785236912 147852369123 1478523691234 14785236912345 1478523692024 1478523692025
1593571! 15935712 159357123 1593571234 15935712345 1593572024 1593572025 1597531! 15975312
159753123 1597531234 15975312345 1597532024 1597532025 1599511! 15995112 159951123 1599511234
15995112345 1599512024 1599512025 19881234 198812345 19882024 19882025 19891234 198912345
19892024 19892025 19901234 199012345 19902024 19902025 19911234 199112345 19912024 19912025
19921234 199212345 19922024 19922025 19931234 199312345 19932024 19932025 1q2w3e1! 1q2w3e12
1q2w3e123 1q2w3e1234 1q2w3e12345 1q2w3e2024 1q2w3e2025 1q2w3e4r 1q2w3e4r! 1q2w3e4r1 1q2w3e4r1!
1q2w3e4r12 1q2w3e4r123 1q2w3e4r1234 1q2w3e4r12345 1q2w3e4r2024 1q2w3e4r2025 1q2w3e4r5 1q2w3e4r5t
1q2w3e4r5t! 1q2w3e4r5t1 1q2w3e4r5t1! 1q2w3e4r5t12 1q2w3e4r5t123 1q2w3e4r5t1234 1q2w3e4r5t12345
1q2w3e4r5t2024 1q2w3e4r5t2025 1q2w3e4r5t6 1q2w3e4r5t6y 1q2w3e4r5t6y! 1q2w3e4r5t6y1
1q2w3e4r5t6y1! 1q2w3e4r5t6y12 1q2w3e4r5t6y123 1q2w3e4r5t6y1234 1q2w3e4r5t6y12345
1q2w3e4r5t6y2024 1q2w3e4r5t6y2025 1q2w3e4r5t6y7 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8 1q2w3e4r5t6y7u8i
1q2w3e4r5t6y7u8i9 1q2w3e4r5t6y7u8i9o 1q2w3e4r5t6y7u8i9o0 1q2w3e4r5t6y7u8i9o0p 1qaz2wsx 1qaz2wsx!
1qaz2wsx1 1qaz2wsx1! 1qaz2wsx12 1qaz2wsx123 1qaz2wsx1234 1qaz2wsx12345 1qaz2wsx2024 1qaz2wsx2025
1qaz2wsx3edc 1qaz2wsx3edc! 1qaz2wsx3edc1 1qaz2wsx3edc1! 1qaz2wsx3edc12 1qaz2wsx3edc123
1qaz2wsx3edc1234 1qaz2wsx3edc12345 1qaz2wsx3edc2024 1qaz2wsx3edc2025 1qaz@wsx 1qaz@wsx!
1qaz@wsx1 1qaz@wsx1! 1qaz@wsx12 1qaz@wsx123 1qaz@wsx1234 1qaz@wsx12345 1qaz@wsx2024 1qaz@wsx2025
1qazxsw2 1qazxsw2! 1qazxsw21 1qazxsw21! 1qazxsw212 1qazxsw2123 1qazxsw21234 1qazxsw212345
1qazxsw22024 1qazxsw22025 20001234 200012345 20002024 20002025 21121234 211212345 21122024
21122025 2121211! 21212112 212121123 2121211234 21212112345 2121212024 2121212025 22221234
222212345 22222024 22222025 2222221! 22222212 222222123 2222221234 22222212345 2222222024
2222222025 22222222 222222222 2222222222 2222222222! 22222222221 22222222221! 222222222212
2222222222123 22222222221234 222222222212345 22222222222 22222222222024 22222222222025
222222222222 2323231! 23232312 232323123 2323231234 23232312345 2323232024 2323232025 2468101!
24681012 246810123 2468101234 24681012345 2468102024 2468102025 24681234 246812345 24682024
24682025 2525251! 25252512 252525123 2525251234 25252512345 2525252024 2525252025 3154751!
31547512 315475123 3154751234 31547512345 3154752024 3154752025 3213211! 32132112 321321123
3213211234 32132112345 3213212024 3213212025 3333331! 33333312 333333123 3333331234 33333312345
3333332024 3333332025 33333333 333333333 3333333333 33333333333 333333333333 44441234 444412345
44442024 44442025 4444441! 44444412 444444123 4444441234 44444412345 4444442024 4444442025
44444444 444444444 4444444444 44444444444 444444444444 4561231! 45612312 456123123 4561231234
45612312345 4561232024 4561232025 4564561! 45645612 456456123 4564561234 45645612345 4564562024
4564562025 4815162342 4815162342! 48151623421 48151623421! 481516234212 4815162342123
48151623421234 481516234212345 48151623422024 48151623422025 51501234 515012345 51502024
51502025 55551234 555512345 55552024 55552025 55555123 555551234 5555512345 555552024 555552025
5555551! 55555512 555555123 5555551234 55555512345 5555552024 5555552025 55555555 555555555
5555555555 55555555555 555555555555 6543211! 65432112 654321123 6543211234 65432112345
6543212024 6543212025 6666661! 66666612 666666123 6666661234 66666612345 6666662024 6666662025
66666666 666666666 6666666666 66666666666 666666666666 6969691! 69696912 696969123 6969691234
69696912345 6969692024 6969692025 69696969 69696969! 696969691 696969691! 6969696912 69696969123
696969691234 6969696912345 696969692024 696969692025 741852963 741852963! 7418529631 7418529631!
74185296312 741852963123 7418529631234 74185296312345 7418529632024 7418529632025 7539511!
75395112 753951123 7539511234 75395112345 7539512024 7539512025 77771234 777712345 77772024
77772025 7777771! 77777712 777777123 7777771234 77777712345 7777772024 7777772025 7777777!
77777771 77777771! 777777712 7777777123 77777771234 777777712345 77777772024 77777772025
77777777 777777777 7777777777 77777777777 777777777777 7894561! 78945612 789456123 789456123!
7894561231 7894561231! 78945612312 789456123123 7894561231234 78945612312345 7894561232024
7894561232025 7894561234 78945612345 7894562024 7894562025 7897891! 78978912 789789123
7897891234 78978912345 7897892024 7897892025 8524561! 85245612 852456123 8524561234 85245612345
8524562024 8524562025 8675309! 86753091 86753091! 867530912 8675309123 86753091234 867530912345
86753092024 86753092025 87654321 87654321! 876543211 876543211! 8765432112 87654321123
876543211234 8765432112345 876543212024 876543212025 8888881! 88888812 888888123 8888881234
88888812345 8888882024 8888882025 88888888 88888888! 888888881 888888881! 8888888812 88888888123
888888881234 8888888812345 888888882024 888888882025 888888888 8888888888 88888888888
888888888888 963852741 963852741! 9638527411 9638527411! 96385274112 963852741123 9638527411234
96385274112345 9638527412024 9638527412025 9876541! 98765412 987654123 9876541234 98765412345
9876542024 9876542025 987654321 987654321! 9876543210 9876543210! 98765432101 98765432101!
987654321012 9876543210123 98765432101234 987654321012345 98765432102024 98765432102025
9876543211 9876543211! 98765432112 987654321123 9876543211234 98765432112345 9876543212024
9876543212025 9999991! 99999912 999999123 9999991234 99999912345 9999992024 9999992025 99999999
999999999 9999999999 99999999999 999999999999 a123456789 a123456789! a1234567891 a1234567891!
a12345678912 a123456789123 a1234567891234 a12345678912345 a1234567892024 a1234567892025 aaaaaa1!
aaaaaa12 aaaaaa123 aaaaaa1234 aaaaaa12345 aaaaaa2024 aaaaaa2025 abc1231! abc12312 abc123123
abc1231234 abc12312345 abc1232024 abc1232025 abc12345 abc12345! abc123451 abc123451! abc1234512
abc12345123 abc123451234 abc1234512345 abc123452024 abc123452025 abc123456 abc123456! abc1234561
abc1234561! abc12345612 abc123456123 abc1234561234 abc12345612345 abc1234562024 abc1234562025
abcd1234 abcd1234! abcd12341 abcd12341! abcd123412 abcd1234123 abcd12341234 abcd123412345
abcd12342024 abcd12342025 abcdef1! abcdef12 abcdef123 abcdef1234 abcdef12345 abcdef2024
abcdef2025 abcdefg! abcdefg1 abcdefg1! abcdefg12 abcdefg123 abcdefg1234 abcdefg12345 abcdefg2024
abcdefg2025 abcdefgh abcdefgh! abcdefgh1 abcdefgh1! abcdefgh12 abcdefgh123 abcdefgh1234
abcdefgh12345 abcdefgh2024 abcdefgh2025 abcdefghi abcdefghi! abcdefghi1 abcdefghi1! abcdefghi12
abcdefghi123 abcdefghi1234 abcdefghi12345 abcdefghi2024 abcdefghi2025 access1! access12
access123 access1234 access12345 access2024 access2025 adidas1! adidas12 adidas123 adidas1234
adidas12345 adidas2024 adidas2025 admin123 admin123! admin1231 admin1231! admin12312 admin123123
admin1231234 admin12312345 admin1232024 admin1232025 admin1234 admin12345 admin2024 admin2025
administrator administrator! administrator1 administrator1! administrator12 administrator123
administrator1234 administrator12345 administrator2024 administrator2025 airborne airborne!
airborne1 airborne1! airborne12 airborne123 airborne1234 airborne12345 airborne2024 airborne2025
albert1! albert12 albert123 albert1234 albert12345 albert2024 albert2025 aleksandr aleksandr!
aleksandr1 aleksandr1! aleksandr12 aleksandr123 aleksandr1234 aleksandr12345 aleksandr2024
aleksandr2025 aleksandra aleksandra! aleksandra1 aleksandra1! aleksandra12 aleksandra123
aleksandra1234 aleksandra12345 aleksandra2024 aleksandra2025 aleksey! aleksey1 aleksey1!
aleksey12 aleksey123 aleksey1234 aleksey12345 aleksey2024 aleksey2025 alex1234 alex12345
alex2024 alex2025 alexande alexande! alexande1 alexande1! alexande12 alexande123 alexande1234
alexande12345 alexande2024 alexande2025 alexander alexander! alexander1 alexander1! alexander12
alexander123 alexander1234 alexander12345 alexander2024 alexander2025 alexandr alexandr!
alexandr1 alexandr1! alexandr12 alexandr123 alexandr1234 alexandr12345 alexandr2024 alexandr2025
alexey1! alexey12 alexey123 alexey1234 alexey12345 alexey2024 alexey2025 alexis1! alexis12
alexis123 alexis1234 alexis12345 alexis2024 alexis2025 alina123 alina1234 alina12345 alina2024
alina2025 amanda1! amanda12 amanda123 amanda1234 amanda12345 amanda2024 amanda2025 america!
america1 america1! america12 america123 america1234 america12345 america2024 america2025
anastasia anastasia! anastasia1 anastasia1! anastasia12 anastasia123 anastasia1234
anastasia12345 anastasia2024 anastasia2025 andrea1! andrea12 andrea123 andrea1234 andrea12345
andrea2024 andrea2025 andrei1! andrei12 andrei123 andrei1234 andrei12345 andrei2024 andrei2025
andrew1! andrew11 andrew11! andrew112 andrew1123 andrew11234 andrew112345 andrew12 andrew12024
andrew12025 andrew123 andrew1234 andrew12345 andrew2024 andrew2025 andrey1! andrey12 andrey123
andrey1234 andrey12345 andrey2024 andrey2025 angel123 angel1234 angel12345 angel2024 angel2025
angela1! angela12 angela123 angela1234 angela12345 angela2024 angela2025 angels1! angels12
angels123 angels1234 angels12345 angels2024 angels2025 animal1! animal12 animal123 animal1234
animal12345 animal2024 animal2025 anthony! anthony1 anthony1! anthony11 anthony11! anthony112
anthony1123 anthony11234 anthony112345 anthony12 anthony12024 anthony12025 anthony123
anthony1234 anthony12345 anthony2024 anthony2025 apollo1! apollo12 apollo123 apollo1234
apollo12345 apollo2024 apollo2025 apple123 apple1234 apple12345 apple2024 apple2025 apples1!
apples12 apples123 apples1234 apples12345 apples2024 apples2025 april123 april1234 april12345
april2024 april2025 arsenal! arsenal1 arsenal1! arsenal12 arsenal123 arsenal1234 arsenal12345
arsenal2024 arsenal2025 arthur1! arthur12 arthur123 arthur1234 arthur12345 arthur2024 arthur2025
asdasd1! asdasd12 asdasd123 asdasd1234 asdasd12345 asdasd2024 asdasd2025 asdf1234 asdf1234!
asdf12341 asdf12341! asdf123412 asdf1234123 asdf12341234 asdf123412345 asdf12342024 asdf12342025
asdf12345 asdf2024 asdf2025 asdfasdf asdfasdf! asdfasdf1 asdfasdf1! asdfasdf12 asdfasdf123
asdfasdf1234 asdfasdf12345 asdfasdf2024 asdfasdf2025 asdfgh1! asdfgh12 asdfgh123 asdfgh1234
asdfgh12345 asdfgh2024 asdfgh2025 asdfghjk asdfghjk! asdfghjk1 asdfghjk1! asdfghjk12 asdfghjk123
asdfghjk1234 asdfghjk12345 asdfghjk2024 asdfghjk2025 asdfghjkl asdfghjkl! asdfghjkl1 asdfghjkl1!
asdfghjkl12 asdfghjkl123 asdfghjkl1234 asdfghjkl12345 asdfghjkl2024 asdfghjkl2025 asdzxc1!
asdzxc12 asdzxc123 asdzxc1234 asdzxc12345 asdzxc2024 asdzxc2025 ashley1! ashley11 ashley11!
ashley112 ashley1123 ashley11234 ashley112345 ashley12 ashley12024 ashley12025 ashley123
ashley1234 ashley12345 ashley2024 ashley2025 august1! august12 august123 august1234 august12345
august2024 august2025 austin1! austin12 austin123 austin1234 austin12345 austin2024 austin2025
autumn1! autumn12 autumn123 autumn1234 autumn12345 autumn2024 autumn2025 azerty1! azerty12
azerty123 azerty1234 azerty12345 azerty2024 azerty2025 baby1234 baby12345 baby2024 baby2025
babygirl babygirl! babygirl1 babygirl1! babygirl11 babygirl11! babygirl112 babygirl1123
babygirl11234 babygirl112345 babygirl12 babygirl12024 babygirl12025 babygirl123 babygirl1234
babygirl12345 babygirl2024 babygirl2025 badboy1! badboy12 badboy123 badboy1234 badboy12345
badboy2024 badboy2025 bailey1! bailey12 bailey123 bailey1234 bailey12345 bailey2024 bailey2025
banana1! banana12 banana123 banana1234 banana12345 banana2024 banana2025 bandit1! bandit12
bandit123 bandit1234 bandit12345 bandit2024 bandit2025 barney1! barney12 barney123 barney1234
barney12345 barney2024 barney2025 baseball baseball! baseball1 baseball1! baseball11 baseball11!
baseball112 baseball1123 baseball11234 baseball112345 baseball12 baseball12024 baseball12025
baseball123 baseball1234 baseball12345 baseball2024 baseball2025 batman1! batman12 batman123
batman123! batman1231 batman1231! batman12312 batman123123 batman1231234 batman12312345
batman1232024 batman1232025 batman1234 batman12345 batman2024 batman2025 bear1234 bear12345
bear2024 bear2025 beatles! beatles1 beatles1! beatles12 beatles123 beatles1234 beatles12345
beatles2024 beatles2025 beaver1! beaver12 beaver123 beaver1234 beaver12345 beaver2024 beaver2025
beavis1! beavis12 beavis123 beavis1234 beavis12345 beavis2024 beavis2025 beer1234 beer12345
beer2024 beer2025 benjamin benjamin! benjamin1 benjamin1! benjamin12 benjamin123 benjamin1234
benjamin12345 benjamin2024 benjamin2025 bhbyf123 bhbyf1234 bhbyf12345 bhbyf2024 bhbyf2025
bigboy1! bigboy12 bigboy123 bigboy1234 bigboy12345 bigboy2024 bigboy2025 bigdaddy bigdaddy!
bigdaddy1 bigdaddy1! bigdaddy12 bigdaddy123 bigdaddy1234 bigdaddy12345 bigdaddy2024 bigdaddy2025
bigdick! bigdick1 bigdick1! bigdick12 bigdick123 bigdick1234 bigdick12345 bigdick2024
bigdick2025 bigdog1! bigdog12 bigdog123 bigdog1234 bigdog12345 bigdog2024 bigdog2025 birdie1!
birdie12 birdie123 birdie1234 birdie12345 birdie2024 birdie2025 bitch123 bitch1234 bitch12345
bitch2024 bitch2025 biteme1! biteme12 biteme123 biteme1234 biteme12345 biteme2024 biteme2025
black123 black1234 black12345 black2024 black2025 blazer1! blazer12 blazer123 blazer1234
blazer12345 blazer2024 blazer2025 blink182 blink182! blink1821 blink1821! blink18212 blink182123
blink1821234 blink18212345 blink1822024 blink1822025 blowjob! blowjob1 blowjob1! blowjob12
blowjob123 blowjob1234 blowjob12345 blowjob2024 blowjob2025 blue1234 blue12345 blue2024 blue2025
bond007! bond0071 bond0071! bond00712 bond007123 bond0071234 bond00712345 bond0072024
bond0072025 bonnie1! bonnie12 bonnie123 bonnie1234 bonnie12345 bonnie2024 bonnie2025 booboo1!
booboo12 booboo123 booboo1234 booboo12345 booboo2024 booboo2025 booger1! booger12 booger123
booger1234 booger12345 booger2024 booger2025 boomer1! boomer12 boomer123 boomer1234 boomer12345
boomer2024 boomer2025 boston1! boston12 boston123 boston1234 boston12345 boston2024 boston2025
brandon! brandon1 brandon1! brandon12 brandon123 brandon1234 brandon12345 brandon2024
brandon2025 brandy1! brandy12 brandy123 brandy1234 brandy12345 brandy2024 brandy2025 braves1!
braves12 braves123 braves1234 braves12345 braves2024 braves2025 bronco1! bronco12 bronco123
bronco1234 bronco12345 bronco2024 bronco2025 broncos! broncos1 broncos1! broncos12 broncos123
broncos1234 broncos12345 broncos2024 broncos2025 brooklyn brooklyn! brooklyn1 brooklyn1!
brooklyn12 brooklyn123 brooklyn1234 brooklyn12345 brooklyn2024 brooklyn2025 bubba123 bubba1234
bubba12345 bubba2024 bubba2025 bubbles! bubbles1 bubbles1! bubbles12 bubbles123 bubbles1234
bubbles12345 bubbles2024 bubbles2025 buddy123 buddy1234 buddy12345 buddy2024 buddy2025 buffalo!
buffalo1 buffalo1! buffalo12 buffalo123 buffalo1234 buffalo12345 buffalo2024 buffalo2025
bujhm123 bujhm1234 bujhm12345 bujhm2024 bujhm2025 bulldog! bulldog1 bulldog1! bulldog12
bulldog123 bulldog1234 bulldog12345 bulldog2024 bulldog2025 bullshit bullshit! bullshit1
bullshit1! bullshit12 bullshit123 bullshit1234 bullshit12345 bullshit2024 bullshit2025 business
business! business1 business1! business12 business123 business1234 business12345 business2024
business2025 buster1! buster12 buster123 buster1234 buster12345 buster2024 buster2025 butter1!
butter12 butter123 butter1234 butter12345 butter2024 butter2025 calvin1! calvin12 calvin123
calvin1234 calvin12345 calvin2024 calvin2025 camaro1! camaro12 camaro123 camaro1234 camaro12345
camaro2024 camaro2025 cameron! cameron1 cameron1! cameron12 cameron123 cameron1234 cameron12345
cameron2024 cameron2025 canada1! canada12 canada123 canada1234 canada12345 canada2024 canada2025
captain! captain1 captain1! captain12 captain123 captain1234 captain12345 captain2024
captain2025 carlos1! carlos12 carlos123 carlos1234 carlos12345 carlos2024 carlos2025 carolina
carolina! carolina1 carolina1! carolina12 carolina123 carolina1234 carolina12345 carolina2024
carolina2025 carter1! carter12 carter123 carter1234 carter12345 carter2024 carter2025 cartman!
cartman1 cartman1! cartman12 cartman123 cartman1234 cartman12345 cartman2024 cartman2025
casper1! casper12 casper123 casper1234 casper12345 casper2024 casper2025 cassie1! cassie12
cassie123 cassie1234 cassie12345 cassie2024 cassie2025 celtic1! celtic12 celtic123 celtic1234
celtic12345 celtic2024 celtic2025 cfif1234 cfif12345 cfif2024 cfif2025 chance1! chance12
chance123 chance1234 chance12345 chance2024 chance2025 changeme changeme! changeme1 changeme1!
changeme12 changeme123 changeme1234 changeme12345 changeme2024 changeme2025 charles! charles1
charles1! charles12 charles123 charles1234 charles12345 charles2024 charles2025 charlie!
charlie1 charlie1! charlie11 charlie11! charlie112 charlie1123 charlie11234 charlie112345
charlie12 charlie12024 charlie12025 charlie123 charlie1234 charlie12345 charlie2024 charlie2025
cheese1! cheese12 cheese123 cheese1234 cheese12345 cheese2024 cheese2025 chelsea! chelsea1
chelsea1! chelsea11 chelsea11! chelsea112 chelsea1123 chelsea11234 chelsea112345 chelsea12
chelsea12024 chelsea12025 chelsea123 chelsea1234 chelsea12345 chelsea2024 chelsea2025 cherry1!
cherry12 cherry123 cherry1234 cherry12345 cherry2024 cherry2025 chester! chester1 chester1!
chester12 chester123 chester1234 chester12345 chester2024 chester2025 chicago! chicago1
chicago1! chicago12 chicago123 chicago1234 chicago12345 chicago2024 chicago2025 chicken!
chicken1 chicken1! chicken12 chicken123 chicken1234 chicken12345 chicken2024 chicken2025
chocolate chocolate! chocolate1 chocolate1! chocolate12 chocolate123 chocolate1234
chocolate12345 chocolate2024 chocolate2025 chris123 chris1234 chris12345 chris2024 chris2025
cjkysirj cjkysirj! cjkysirj1 cjkysirj1! cjkysirj12 cjkysirj123 cjkysirj1234 cjkysirj12345
cjkysirj2024 cjkysirj2025 cocacola cocacola! cocacola1 cocacola1! cocacola12 cocacola123
cocacola1234 cocacola12345 cocacola2024 cocacola2025 cock1234 cock12345 cock2024 cock2025
coffee1! coffee12 coffee123 coffee1234 coffee12345 coffee2024 coffee2025 company! company1
company1! company12 company123 company1234 company12345 company2024 company2025 compaq1!
compaq12 compaq123 compaq1234 compaq12345 compaq2024 compaq2025 computer computer! computer1
computer1! computer11 computer11! computer112 computer1123 computer11234 computer112345
computer12 computer12024 computer12025 computer123 computer1234 computer12345 computer2024
computer2025 cookie1! cookie12 cookie123 cookie1234 cookie12345 cookie2024 cookie2025 cooper1!
cooper12 cooper123 cooper1234 cooper12345 cooper2024 cooper2025 copper1! copper12 copper123
copper1234 copper12345 copper2024 copper2025 corvette corvette! corvette1 corvette1! corvette12
corvette123 corvette1234 corvette12345 corvette2024 corvette2025 cowboy1! cowboy12 cowboy123
cowboy1234 cowboy12345 cowboy2024 cowboy2025 cowboys! cowboys1 cowboys1! cowboys12 cowboys123
cowboys1234 cowboys12345 cowboys2024 cowboys2025 creative creative! creative1 creative1!
creative12 creative123 creative1234 creative12345 creative2024 creative2025 cricket! cricket1
cricket1! cricket12 cricket123 cricket1234 cricket12345 cricket2024 cricket2025 crystal!
crystal1 crystal1! crystal12 crystal123 crystal1234 crystal12345 crystal2024 crystal2025
cska1234 cska12345 cska2024 cska2025 cskamoskva cskamoskva! cskamoskva1 cskamoskva1!
cskamoskva12 cskamoskva123 cskamoskva1234 cskamoskva12345 cskamoskva2024 cskamoskva2025 cthutq1!
cthutq12 cthutq123 cthutq1234 cthutq12345 cthutq2024 cthutq2025 dakota1! dakota12 dakota123
dakota1234 dakota12345 dakota2024 dakota2025 dallas1! dallas12 dallas123 dallas1234 dallas12345
dallas2024 dallas2025 daniel1! daniel11 daniel11! daniel112 daniel1123 daniel11234 daniel112345
daniel12 daniel12024 daniel12025 daniel123 daniel1234 daniel12345 daniel2024 daniel2025 danielle
danielle! danielle1 danielle1! danielle12 danielle123 danielle1234 danielle12345 danielle2024
danielle2025 darkness darkness! darkness1 darkness1! darkness12 darkness123 darkness1234
darkness12345 darkness2024 darkness2025 database database! database1 database1! database12
database123 database1234 database12345 database2024 database2025 david123 david1234 david12345
david2024 david2025 debbie1! debbie12 debbie123 debbie1234 debbie12345 debbie2024 debbie2025
december december! december1 december1! december12 december123 december1234 december12345
december2024 december2025 dennis1! dennis12 dennis123 dennis1234 dennis12345 dennis2024
dennis2025 destiny! destiny1 destiny1! destiny12 destiny123 destiny1234 destiny12345 destiny2024
destiny2025 dexter1! dexter12 dexter123 dexter1234 dexter12345 dexter2024 dexter2025 diablo1!
diablo12 diablo123 diablo1234 diablo12345 diablo2024 diablo2025 diamond! diamond1 diamond1!
diamond12 diamond123 diamond1234 diamond12345 diamond2024 diamond2025 dick1234 dick12345
dick2024 dick2025 dickhead dickhead! dickhead1 dickhead1! dickhead12 dickhead123 dickhead1234
dickhead12345 dickhead2024 dickhead2025 digital! digital1 digital1! digital12 digital123
digital1234 digital12345 digital2024 digital2025 dima1234 dima12345 dima2024 dima2025 dimon123
dimon1234 dimon12345 dimon2024 dimon2025 dinamo1! dinamo12 dinamo123 dinamo1234 dinamo12345
dinamo2024 dinamo2025 dmitriy! dmitriy1 dmitriy1! dmitriy12 dmitriy123 dmitriy1234 dmitriy12345
dmitriy2024 dmitriy2025 dmitry1! dmitry12 dmitry123 dmitry1234 dmitry12345 dmitry2024 dmitry2025
doctor1! doctor12 doctor123 doctor1234 doctor12345 doctor2024 doctor2025 doggie1! doggie12
doggie123 doggie1234 doggie12345 doggie2024 doggie2025 dolphin! dolphin1 dolphin1! dolphin12
dolphin123 dolphin1234 dolphin12345 dolphin2024 dolphin2025 dolphins dolphins! dolphins1
dolphins1! dolphins12 dolphins123 dolphins1234 dolphins12345 dolphins2024 dolphins2025 donald1!
donald12 donald123 donald1234 donald12345 donald2024 donald2025 donkey1! donkey12 donkey123
donkey1234 donkey12345 donkey2024 donkey2025 dostup1! dostup12 dostup123 dostup1234 dostup12345
dostup2024 dostup2025 dragon1! dragon12 dragon123 dragon123! dragon1231 dragon1231! dragon12312
dragon123123 dragon1231234 dragon12312345 dragon1232024 dragon1232025 dragon1234 dragon12345
dragon2024 dragon2025 drakon1! drakon12 drakon123 drakon1234 drakon12345 drakon2024 drakon2025
dreams1! dreams12 dreams123 dreams1234 dreams12345 dreams2024 dreams2025 driver1! driver12
driver123 driver1234 driver12345 driver2024 driver2025 eagles1! eagles12 eagles123 eagles1234
eagles12345 eagles2024 eagles2025 eclipse! eclipse1 eclipse1! eclipse12 eclipse123 eclipse1234
eclipse12345 eclipse2024 eclipse2025 edward1! edward12 edward123 edward1234 edward12345
edward2024 edward2025 ekaterina ekaterina! ekaterina1 ekaterina1! ekaterina12 ekaterina123
ekaterina1234 ekaterina12345 ekaterina2024 ekaterina2025 elena123 elena1234 elena12345 elena2024
elena2025 elephant elephant! elephant1 elephant1! elephant12 elephant123 elephant1234
elephant12345 elephant2024 elephant2025 eminem1! eminem12 eminem123 eminem1234 eminem12345
eminem2024 eminem2025 enter123 enter1234 enter12345 enter2024 enter2025 explorer explorer!
explorer1 explorer1! explorer12 explorer123 explorer1234 explorer12345 explorer2024 explorer2025
facebook facebook! facebook1 facebook1! facebook12 facebook123 facebook1234 facebook12345
facebook2024 facebook2025 falcon1! falcon12 falcon123 falcon1234 falcon12345 falcon2024
falcon2025 family1! family12 family123 family1234 family12345 family2024 family2025 february
february! february1 february1! february12 february123 february1234 february12345 february2024
february2025 fender1! fender12 fender123 fender1234 fender12345 fender2024 fender2025 ferrari!
ferrari1 ferrari1! ferrari12 ferrari123 ferrari1234 ferrari12345 ferrari2024 ferrari2025
fire1234 fire12345 fire2024 fire2025 fish1234 fish12345 fish2024 fish2025 fishing! fishing1
fishing1! fishing12 fishing123 fishing1234 fishing12345 fishing2024 fishing2025 fktrcfylh
fktrcfylh! fktrcfylh1 fktrcfylh1! fktrcfylh12 fktrcfylh123 fktrcfylh1234 fktrcfylh12345
fktrcfylh2024 fktrcfylh2025 fktrcfylhf fktrcfylhf! fktrcfylhf1 fktrcfylhf1! fktrcfylhf12
fktrcfylhf123 fktrcfylhf1234 fktrcfylhf12345 fktrcfylhf2024 fktrcfylhf2025 fktrctq! fktrctq1
fktrctq1! fktrctq12 fktrctq123 fktrctq1234 fktrctq12345 fktrctq2024 fktrctq2025 florida!
florida1 florida1! florida12 florida123 florida1234 florida12345 florida2024 florida2025
flower1! flower12 flower123 flower1234 flower12345 flower2024 flower2025 fluffy1! fluffy12
fluffy123 fluffy1234 fluffy12345 fluffy2024 fluffy2025 flyers1! flyers12 flyers123 flyers1234
flyers12345 flyers2024 flyers2025 football football! football1 football1! football11 football11!
football112 football1123 football11234 football112345 football12 football12024 football12025
football123 football1234 football12345 football2024 football2025 forever! forever1 forever1!
forever12 forever123 forever1234 forever12345 forever2024 forever2025 fred1234 fred12345
fred2024 fred2025 freddy1! freddy12 freddy123 freddy1234 freddy12345 freddy2024 freddy2025
freedom! freedom1 freedom1! freedom12 freedom123 freedom1234 freedom12345 freedom2024
freedom2025 friday1! friday12 friday123 friday1234 friday12345 friday2024 friday2025 friends!
friends1 friends1! friends12 friends123 friends1234 friends12345 friends2024 friends2025
fuck1234 fuck12345 fuck2024 fuck2025 fucker1! fucker12 fucker123 fucker1234 fucker12345
fucker2024 fucker2025 fylhtq1! fylhtq12 fylhtq123 fylhtq1234 fylhtq12345 fylhtq2024 fylhtq2025
gabriel! gabriel1 gabriel1! gabriel12 gabriel123 gabriel1234 gabriel12345 gabriel2024
gabriel2025 gandalf! gandalf1 gandalf1! gandalf12 gandalf123 gandalf1234 gandalf12345
gandalf2024 gandalf2025 garfield garfield! garfield1 garfield1! garfield12 garfield123
garfield1234 garfield12345 garfield2024 garfield2025 gateway! gateway1 gateway1! gateway12
gateway123 gateway1234 gateway12345 gateway2024 gateway2025 gators1! gators12 gators123
gators1234 gators12345 gators2024 gators2025 gemini1! gemini12 gemini123 gemini1234 gemini12345
gemini2024 gemini2025 george1! george12 george123 george1234 george12345 george2024 george2025
gfhjkm1! gfhjkm12 gfhjkm123 gfhjkm123! gfhjkm1231 gfhjkm1231! gfhjkm12312 gfhjkm123123
gfhjkm1231234 gfhjkm12312345 gfhjkm1232024 gfhjkm1232025 gfhjkm1234 gfhjkm12345 gfhjkm2024
gfhjkm2025 ghbdtn1! ghbdtn12 ghbdtn123 ghbdtn123! ghbdtn1231 ghbdtn1231! ghbdtn12312
ghbdtn123123 ghbdtn1231234 ghbdtn12312345 ghbdtn1232024 ghbdtn1232025 ghbdtn1234 ghbdtn12345
ghbdtn2024 ghbdtn2025 giants1! giants12 giants123 giants1234 giants12345 giants2024 giants2025
gibson1! gibson12 gibson123 gibson1234 gibson12345 gibson2024 gibson2025 ginger1! ginger12
ginger123 ginger1234 ginger12345 ginger2024 ginger2025 girls123 girls1234 girls12345 girls2024
girls2025 gjkbyf1! gjkbyf12 gjkbyf123 gjkbyf1234 gjkbyf12345 gjkbyf2024 gjkbyf2025 gmail123
gmail1234 gmail12345 gmail2024 gmail2025 godzilla godzilla! godzilla1 godzilla1! godzilla12
godzilla123 godzilla1234 godzilla12345 godzilla2024 godzilla2025 golden1! golden12 golden123
golden1234 golden12345 golden2024 golden2025 golf1234 golf12345 golf2024 golf2025 golfer1!
golfer12 golfer123 golfer1234 golfer12345 golfer2024 golfer2025 goober1! goober12 goober123
goober1234 goober12345 goober2024 goober2025 google1! google12 google123 google1234 google12345
google2024 google2025 googledummy googledummy! googledummy1 googledummy1! googledummy12
googledummy123 googledummy1234 googledummy12345 googledummy2024 googledummy2025 gordon1!
gordon12 gordon123 gordon1234 gordon12345 gordon2024 gordon2025 green123 green1234 green12345
green2024 green2025 guinness guinness! guinness1 guinness1! guinness12 guinness123 guinness1234
guinness12345 guinness2024 guinness2025 guitar1! guitar12 guitar123 guitar1234 guitar12345
guitar2024 guitar2025 gunner1! gunner12 gunner123 gunner1234 gunner12345 gunner2024 gunner2025
hammer1! hammer12 hammer123 hammer1234 hammer12345 hammer2024 hammer2025 hannah1! hannah11
hannah11! hannah112 hannah1123 hannah11234 hannah112345 hannah12 hannah12024 hannah12025
hannah123 hannah1234 hannah12345 hannah2024 hannah2025 happy123 happy1234 happy12345 happy2024
happy2025 hardcore hardcore! hardcore1 hardcore1! hardcore12 hardcore123 hardcore1234
hardcore12345 hardcore2024 hardcore2025 harley1! harley12 harley123 harley1234 harley12345
harley2024 harley2025 heather! heather1 heather1! heather12 heather123 heather1234 heather12345
heather2024 heather2025 heaven1! heaven12 heaven123 heaven1234 heaven12345 heaven2024 heaven2025
hello123 hello123! hello1231 hello1231! hello12312 hello123123 hello1231234 hello12312345
hello1232024 hello1232025 hello1234 hello1234! hello12341 hello12341! hello123412 hello1234123
hello12341234 hello123412345 hello12342024 hello12342025 hello12345 hello2024 hello2025
helloworld helloworld! helloworld1 helloworld1! helloworld12 helloworld123 helloworld1234
helloworld12345 helloworld2024 helloworld2025 helpme1! helpme12 helpme123 helpme1234 helpme12345
helpme2024 helpme2025 hockey1! hockey12 hockey123 hockey1234 hockey12345 hockey2024 hockey2025
hooters! hooters1 hooters1! hooters12 hooters123 hooters1234 hooters12345 hooters2024
hooters2025 horny123 horny1234 horny12345 horny2024 horny2025 hotdog1! hotdog12 hotdog123
hotdog1234 hotdog12345 hotdog2024 hotdog2025 hotmail! hotmail1 hotmail1! hotmail12 hotmail123
hotmail1234 hotmail12345 hotmail2024 hotmail2025 hunter1! hunter12 hunter123 hunter1234
hunter12345 hunter2024 hunter2025 iceman1! iceman12 iceman123 iceman1234 iceman12345 iceman2024
iceman2025 ilovemyself ilovemyself! ilovemyself1 ilovemyself1! ilovemyself12 ilovemyself123
ilovemyself1234 ilovemyself12345 ilovemyself2024 ilovemyself2025 ilovethem ilovethem! ilovethem1
ilovethem1! ilovethem12 ilovethem123 ilovethem1234 ilovethem12345 ilovethem2024 ilovethem2025
iloveu1! iloveu12 iloveu123 iloveu1234 iloveu12345 iloveu2024 iloveu2025 iloveyou iloveyou!
iloveyou1 iloveyou1! iloveyou11 iloveyou11! iloveyou112 iloveyou1123 iloveyou11234
iloveyou112345 iloveyou12 iloveyou12024 iloveyou12025 iloveyou123 iloveyou1234 iloveyou12345
iloveyou2 iloveyou2! iloveyou2024 iloveyou2025 iloveyou21 iloveyou21! iloveyou212 iloveyou2123
iloveyou21234 iloveyou212345 iloveyou22024 iloveyou22025 instagram instagram! instagram1
instagram1! instagram12 instagram123 instagram1234 instagram12345 instagram2024 instagram2025
internet internet! internet1 internet1! internet11 internet11! internet112 internet1123
internet11234 internet112345 internet12 internet12024 internet12025 internet123 internet1234
internet12345 internet2024 internet2025 irina123 irina1234 irina12345 irina2024 irina2025
ivan1234 ivan12345 ivan2024 ivan2025 ivanov1! ivanov12 ivanov123 ivanov1234 ivanov12345
ivanov2024 ivanov2025 jack1234 jack12345 jack2024 jack2025 jackass! jackass1 jackass1! jackass12
jackass123 jackass1234 jackass12345 jackass2024 jackass2025 jackie1! jackie12 jackie123
jackie1234 jackie12345 jackie2024 jackie2025 jackson! jackson1 jackson1! jackson12 jackson123
jackson1234 jackson12345 jackson2024 jackson2025 jaguar1! jaguar12 jaguar123 jaguar1234
jaguar12345 jaguar2024 jaguar2025 james123 james1234 james12345 james2024 james2025 january!
january1 january1! january12 january123 january1234 january12345 january2024 january2025
jasmine! jasmine1 jasmine1! jasmine11 jasmine11! jasmine112 jasmine1123 jasmine11234
jasmine112345 jasmine12 jasmine12024 jasmine12025 jasmine123 jasmine1234 jasmine12345
jasmine2024 jasmine2025 jason123 jason1234 jason12345 jason2024 jason2025 jasper1! jasper12
jasper123 jasper1234 jasper12345 jasper2024 jasper2025 jennifer jennifer! jennifer1 jennifer1!
jennifer11 jennifer11! jennifer112 jennifer1123 jennifer11234 jennifer112345 jennifer12
jennifer12024 jennifer12025 jennifer123 jennifer1234 jennifer12345 jennifer2024 jennifer2025
jeremy1! jeremy12 jeremy123 jeremy1234 jeremy12345 jeremy2024 jeremy2025 jessica! jessica1
jessica1! jessica11 jessica11! jessica112 jessica1123 jessica11234 jessica112345 jessica12
jessica12024 jessica12025 jessica123 jessica1234 jessica12345 jessica2024 jessica2025 jessie1!
jessie12 jessie123 jessie1234 jessie12345 jessie2024 jessie2025 jkmuf123 jkmuf1234 jkmuf12345
jkmuf2024 jkmuf2025 john1234 john12345 john2024 john2025 johnny1! johnny12 johnny123 johnny1234
johnny12345 johnny2024 johnny2025 johnson! johnson1 johnson1! johnson12 johnson123 johnson1234
johnson12345 johnson2024 johnson2025 jonathan jonathan! jonathan1 jonathan1! jonathan12
jonathan123 jonathan1234 jonathan12345 jonathan2024 jonathan2025 jordan1! jordan11 jordan11!
jordan112 jordan1123 jordan11234 jordan112345 jordan12 jordan12024 jordan12025 jordan123
jordan1234 jordan12345 jordan2024 jordan2025 jordan23 jordan23! jordan231 jordan231! jordan2312
jordan23123 jordan231234 jordan2312345 jordan232024 jordan232025 joseph1! joseph12 joseph123
joseph1234 joseph12345 joseph2024 joseph2025 joshua1! joshua11 joshua11! joshua112 joshua1123
joshua11234 joshua112345 joshua12 joshua12024 joshua12025 joshua123 joshua1234 joshua12345
joshua2024 joshua2025 july1234 july12345 july2024 july2025 june1234 june12345 june2024 june2025
junior1! junior12 junior123 junior1234 junior12345 junior2024 junior2025 justin1! justin12
justin123 justin1234 justin12345 justin2024 justin2025 k.,jdm1! k.,jdm12 k.,jdm123 k.,jdm1234
k.,jdm12345 k.,jdm2024 k.,jdm2025 katya123 katya1234 katya12345 katya2024 katya2025 killer1!
killer12 killer123 killer1234 killer12345 killer2024 killer2025 kiska123 kiska1234 kiska12345
kiska2024 kiska2025 kitten1! kitten12 kitten123 kitten1234 kitten12345 kitten2024 kitten2025
klaster! klaster1 klaster1! klaster12 klaster123 klaster1234 klaster12345 klaster2024
klaster2025 knight1! knight12 knight123 knight1234 knight12345 knight2024 knight2025 koshka1!
koshka12 koshka123 koshka1234 koshka12345 koshka2024 koshka2025 kotenok! kotenok1 kotenok1!
kotenok12 kotenok123 kotenok1234 kotenok12345 kotenok2024 kotenok2025 kotik123 kotik1234
kotik12345 kotik2024 kotik2025 lakers1! lakers12 lakers123 lakers1234 lakers12345 lakers2024
lakers2025 lapochka lapochka! lapochka1 lapochka1! lapochka12 lapochka123 lapochka1234
lapochka12345 lapochka2024 lapochka2025 lasvegas lasvegas! lasvegas1 lasvegas1! lasvegas12
lasvegas123 lasvegas1234 lasvegas12345 lasvegas2024 lasvegas2025 lauren1! lauren12 lauren123
lauren1234 lauren12345 lauren2024 lauren2025 lbvf1234 lbvf12345 lbvf2024 lbvf2025 legend1!
legend12 legend123 legend1234 legend12345 legend2024 legend2025 letmein! letmein1 letmein1!
letmein11 letmein11! letmein112 letmein1123 letmein11234 letmein112345 letmein12 letmein12024
letmein12025 letmein123 letmein123! letmein1231 letmein1231! letmein12312 letmein123123
letmein1231234 letmein12312345 letmein1232024 letmein1232025 letmein1234 letmein12345
letmein2024 letmein2025 lifehack lifehack! lifehack1 lifehack1! lifehack12 lifehack123
lifehack1234 lifehack12345 lifehack2024 lifehack2025 linkedin linkedin! linkedin1 linkedin1!
linkedin12 linkedin123 linkedin1234 linkedin12345 linkedin2024 linkedin2025 linux123 linux1234
linux12345 linux2024 linux2025 little1! little12 little123 little1234 little12345 little2024
little2025 liverpoo liverpoo! liverpoo1 liverpoo1! liverpoo12 liverpoo123 liverpoo1234
liverpoo12345 liverpoo2024 liverpoo2025 liverpool liverpool! liverpool1 liverpool1! liverpool12
liverpool123 liverpool1234 liverpool12345 liverpool2024 liverpool2025 ljubov1! ljubov12
ljubov123 ljubov1234 ljubov12345 ljubov2024 ljubov2025 lkjhgfds lkjhgfdsa login123 login1234
login12345 login2024 login2025 lokomotiv lokomotiv! lokomotiv1 lokomotiv1! lokomotiv12
lokomotiv123 lokomotiv1234 lokomotiv12345 lokomotiv2024 lokomotiv2025 lol1231! lol12312
lol123123 lol1231234 lol12312345 lol1232024 lol1232025 london1! london12 london123 london1234
london12345 london2024 london2025 loshad1! loshad12 loshad123 loshad1234 loshad12345 loshad2024
loshad2025 louise1! louise12 louise123 louise1234 louise12345 louise2024 louise2025 love1234
love12345 love2024 love2025 lovelove lovelove! lovelove1 lovelove1! lovelove12 lovelove123
lovelove1234 lovelove12345 lovelove2024 lovelove2025 lovely1! lovely12 lovely123 lovely1234
lovely12345 lovely2024 lovely2025 loveme1! loveme12 loveme123 loveme1234 loveme12345 loveme2024
loveme2025 lover123 lover1234 lover12345 lover2024 lover2025 lovers1! lovers12 lovers123
lovers1234 lovers12345 lovers2024 lovers2025 loveyou! loveyou1 loveyou1! loveyou11 loveyou11!
loveyou112 loveyou1123 loveyou11234 loveyou112345 loveyou12 loveyou12024 loveyou12025 loveyou123
loveyou1234 loveyou12345 loveyou2024 loveyou2025 ltybc123 ltybc1234 ltybc12345 ltybc2024
ltybc2025 lublutebya lublutebya! lublutebya1 lublutebya1! lublutebya12 lublutebya123
lublutebya1234 lublutebya12345 lublutebya2024 lublutebya2025 lubov123 lubov1234 lubov12345
lubov2024 lubov2025 lucky123 lucky1234 lucky12345 lucky2024 lucky2025 lyublyutebya lyublyutebya!
lyublyutebya1 lyublyutebya1! lyublyutebya12 lyublyutebya123 lyublyutebya1234 lyublyutebya12345
lyublyutebya2024 lyublyutebya2025 lyubov1! lyubov12 lyubov123 lyubov1234 lyubov12345 lyubov2024
lyubov2025 maddog1! maddog12 maddog123 maddog1234 maddog12345 maddog2024 maddog2025 madison!
madison1 madison1! madison12 madison123 madison1234 madison12345 madison2024 madison2025
maggie1! maggie12 maggie123 maggie1234 maggie12345 maggie2024 maggie2025 magic123 magic1234
magic12345 magic2024 magic2025 magnum1! magnum12 magnum123 magnum1234 magnum12345 magnum2024
magnum2025 maksim1! maksim12 maksim123 maksim1234 maksim12345 maksim2024 maksim2025 malysh1!
malysh12 malysh123 malysh1234 malysh12345 malysh2024 malysh2025 mamochka mamochka! mamochka1
mamochka1! mamochka12 mamochka123 mamochka1234 mamochka12345 mamochka2024 mamochka2025 manager!
manager1 manager1! manager12 manager123 manager1234 manager12345 manager2024 manager2025
march123 march1234 march12345 march2024 march2025 marina1! marina12 marina123 marina1234
marina12345 marina2024 marina2025 marine1! marine12 marine123 marine1234 marine12345 marine2024
marine2025 marlboro marlboro! marlboro1 marlboro1! marlboro12 marlboro123 marlboro1234
marlboro12345 marlboro2024 marlboro2025 martin1! martin12 martin123 martin1234 martin12345
martin2024 martin2025 marvin1! marvin12 marvin123 marvin1234 marvin12345 marvin2024 marvin2025
masha123 masha1234 masha12345 masha2024 masha2025 masik123 masik1234 masik12345 masik2024
masik2025 master1! master11 master11! master112 master1123 master11234 master112345 master12
master12024 master12025 master123 master123! master1231 master1231! master12312 master123123
master1231234 master12312345 master1232024 master1232025 master1234 master12345 master2024
master2025 matrix1! matrix12 matrix123 matrix1234 matrix12345 matrix2024 matrix2025 matthew!
matthew1 matthew1! matthew11 matthew11! matthew112 matthew1123 matthew11234 matthew112345
matthew12 matthew12024 matthew12025 matthew123 matthew1234 matthew12345 matthew2024 matthew2025
maverick maverick! maverick1 maverick1! maverick12 maverick123 maverick1234 maverick12345
maverick2024 maverick2025 maxim123 maxim1234 maxim12345 maxim2024 maxim2025 maxwell! maxwell1
maxwell1! maxwell12 maxwell123 maxwell1234 maxwell12345 maxwell2024 maxwell2025 medved1!
medved12 medved123 medved1234 medved12345 medved2024 medved2025 melissa! melissa1 melissa1!
melissa12 melissa123 melissa1234 melissa12345 melissa2024 melissa2025 member1! member12
member123 member1234 member12345 member2024 member2025 mercedes mercedes! mercedes1 mercedes1!
mercedes12 mercedes123 mercedes1234 mercedes12345 mercedes2024 mercedes2025 merlin1! merlin12
merlin123 merlin1234 merlin12345 merlin2024 merlin2025 metallic metallic! metallic1 metallic1!
metallic12 metallic123 metallic1234 metallic12345 metallic2024 metallic2025 metallica metallica!
metallica1 metallica1! metallica12 metallica123 metallica1234 metallica12345 metallica2024
metallica2025 mexico1! mexico12 mexico123 mexico1234 mexico12345 mexico2024 mexico2025 michael!
michael1 michael1! michael11 michael11! michael112 michael1123 michael11234 michael112345
michael12 michael12024 michael12025 michael123 michael1234 michael12345 michael2024 michael2025
michelle michelle! michelle1 michelle1! michelle11 michelle11! michelle112 michelle1123
michelle11234 michelle112345 michelle12 michelle12024 michelle12025 michelle123 michelle1234
michelle12345 michelle2024 michelle2025 michigan michigan! michigan1 michigan1! michigan12
michigan123 michigan1234 michigan12345 michigan2024 michigan2025 mickey1! mickey12 mickey123
mickey1234 mickey12345 mickey2024 mickey2025 microsoft microsoft! microsoft1 microsoft1!
microsoft12 microsoft123 microsoft1234 microsoft12345 microsoft2024 microsoft2025 midnight
midnight! midnight1 midnight1! midnight12 midnight123 midnight1234 midnight12345 midnight2024
midnight2025 mike1234 mike12345 mike2024 mike2025 mikhail! mikhail1 mikhail1! mikhail12
mikhail123 mikhail1234 mikhail12345 mikhail2024 mikhail2025 miller1! miller12 miller123
miller1234 miller12345 miller2024 miller2025 minecraft minecraft! minecraft1 minecraft1!
minecraft12 minecraft123 minecraft1234 minecraft12345 minecraft2024 minecraft2025 monday1!
monday12 monday123 monday1234 monday12345 monday2024 monday2025 money123 money1234 money12345
money2024 money2025 monica1! monica12 monica123 monica1234 monica12345 monica2024 monica2025
monkey1! monkey12 monkey123 monkey123! monkey1231 monkey1231! monkey12312 monkey123123
monkey1231234 monkey12312345 monkey1232024 monkey1232025 monkey1234 monkey12345 monkey2024
monkey2025 monster! monster1 monster1! monster12 monster123 monster1234 monster12345 monster2024
monster2025 montana! montana1 montana1! montana12 montana123 montana1234 montana12345
montana2024 montana2025 morgan1! morgan12 morgan123 morgan1234 morgan12345 morgan2024 morgan2025
moscow1! moscow12 moscow123 moscow1234 moscow12345 moscow2024 moscow2025 moskva1! moskva12
moskva123 moskva1234 moskva12345 moskva2024 moskva2025 mother1! mother12 mother123 mother1234
mother12345 mother2024 mother2025 mountain mountain! mountain1 mountain1! mountain12 mountain123
mountain1234 mountain12345 mountain2024 mountain2025 muffin1! muffin12 muffin123 muffin1234
muffin12345 muffin2024 muffin2025 murphy1! murphy12 murphy123 murphy1234 murphy12345 murphy2024
murphy2025 mustang! mustang1 mustang1! mustang12 mustang123 mustang1234 mustang12345 mustang2024
mustang2025 mysql123 mysql1234 mysql12345 mysql2024 mysql2025 nascar1! nascar12 nascar123
nascar1234 nascar12345 nascar2024 nascar2025 nastya1! nastya12 nastya123 nastya1234 nastya12345
nastya2024 nastya2025 natalia! natalia1 natalia1! natalia12 natalia123 natalia1234 natalia12345
natalia2024 natalia2025 natalya! natalya1 natalya1! natalya12 natalya123 natalya1234
natalya12345 natalya2024 natalya2025 natasha! natasha1 natasha1! natasha12 natasha123
natasha1234 natasha12345 natasha2024 natasha2025 nathan1! nathan12 nathan123 nathan1234
nathan12345 nathan2024 nathan2025 ncc1701! ncc17011 ncc17011! ncc170112 ncc1701123 ncc17011234
ncc170112345 ncc17012024 ncc17012025 nelson1! nelson12 nelson123 nelson1234 nelson12345
nelson2024 nelson2025 network! network1 network1! network12 network123 network1234 network12345
network2024 network2025 newyork! newyork1 newyork1! newyork12 newyork123 newyork1234
newyork12345 newyork2024 newyork2025 nfyz1234 nfyz12345 nfyz2024 nfyz2025 nicholas nicholas!
nicholas1 nicholas1! nicholas12 nicholas123 nicholas1234 nicholas12345 nicholas2024 nicholas2025
nicole1! nicole11 nicole11! nicole112 nicole1123 nicole11234 nicole112345 nicole12 nicole12024
nicole12025 nicole123 nicole1234 nicole12345 nicole2024 nicole2025 nikita1! nikita12 nikita123
nikita1234 nikita12345 nikita2024 nikita2025 nikolai! nikolai1 nikolai1! nikolai12 nikolai123
nikolai1234 nikolai12345 nikolai2024 nikolai2025 nikolay! nikolay1 nikolay1! nikolay12
nikolay123 nikolay1234 nikolay12345 nikolay2024 nikolay2025 nintendo nintendo! nintendo1
nintendo1! nintendo12 nintendo123 nintendo1234 nintendo12345 nintendo2024 nintendo2025 nirvana!
nirvana1 nirvana1! nirvana12 nirvana123 nirvana1234 nirvana12345 nirvana2024 nirvana2025
nissan1! nissan12 nissan123 nissan1234 nissan12345 nissan2024 nissan2025 nothing! nothing1
nothing1! nothing11 nothing11! nothing112 nothing1123 nothing11234 nothing112345 nothing12
nothing12024 nothing12025 nothing123 nothing1234 nothing12345 nothing2024 nothing2025 november
november! november1 november1! november12 november123 november1234 november12345 november2024
november2025 october! october1 october1! october12 october123 october1234 october12345
october2024 october2025 office1! office12 office123 office1234 office12345 office2024 office2025
olga1234 olga12345 olga2024 olga2025 oliver1! oliver12 oliver123 oliver1234 oliver12345
oliver2024 oliver2025 online1! online12 online123 online1234 online12345 online2024 online2025
oracle1! oracle12 oracle123 oracle1234 oracle12345 oracle2024 oracle2025 orange1! orange12
orange123 orange1234 orange12345 orange2024 orange2025 p@ssw0rd p@ssw0rd! p@ssw0rd1 p@ssw0rd1!
p@ssw0rd12 p@ssw0rd123 p@ssw0rd1234 p@ssw0rd12345 p@ssw0rd2024 p@ssw0rd2025 p@ssword p@ssword!
p@ssword1 p@ssword1! p@ssword12 p@ssword123 p@ssword1234 p@ssword12345 p@ssword2024 p@ssword2025
pa55word pa55word! pa55word1 pa55word1! pa55word12 pa55word123 pa55word1234 pa55word12345
pa55word2024 pa55word2025 packers! packers1 packers1! packers12 packers123 packers1234
packers12345 packers2024 packers2025 pakistan pakistan! pakistan1 pakistan1! pakistan12
pakistan123 pakistan1234 pakistan12345 pakistan2024 pakistan2025 pantera! pantera1 pantera1!
pantera12 pantera123 pantera1234 pantera12345 pantera2024 pantera2025 panther! panther1
panther1! panther12 panther123 panther1234 panther12345 panther2024 panther2025 panties!
panties1 panties1! panties12 panties123 panties1234 panties12345 panties2024 panties2025
paradise paradise! paradise1 paradise1! paradise12 paradise123 paradise1234 paradise12345
paradise2024 paradise2025 parker1! parker12 parker123 parker1234 parker12345 parker2024
parker2025 parol11! parol112 parol1123 parol11234 parol112345 parol12024 parol12025 parol123
parol123! parol1231 parol1231! parol12312 parol123123 parol1231234 parol12312345 parol1232024
parol1232025 parol1234 parol12345 parol2024 parol2025 pass1234 pass1234! pass12341 pass12341!
pass123412 pass1234123 pass12341234 pass123412345 pass12342024 pass12342025 pass12345 pass2024
pass2025 passpass passpass! passpass1 passpass1! passpass12 passpass123 passpass1234
passpass12345 passpass2024 passpass2025 passw0rd passw0rd! passw0rd1 passw0rd1! passw0rd12
passw0rd123 passw0rd1234 passw0rd12345 passw0rd2024 passw0rd2025 password password! password!!
password!1 password!1! password!12 password!123 password!1234 password!12345 password!2024
password!2025 password1 password1! password11 password11! password112 password1123 password11234
password112345 password12 password12! password12024 password12025 password121 password121!
password1212 password12123 password121234 password1212345 password122024 password122025
password123 password123! password1231 password1231! password12312 password123123 password1231234
password12312345 password1232024 password1232025 password1234 password1234! password12341
password12341! password123412 password1234123 password12341234 password123412345
password12342024 password12342025 password12345 password1960 password1961 password1962
password1963 password1964 password1965 password1966 password1967 password1968 password1969
password1970 password1971 password1972 password1973 password1974 password1975 password1976
password1977 password1978 password1979 password1980 password1981 password1982 password1983
password1984 password1985 password1986 password1987 password1988 password1989 password1990
password1991 password1992 password1993 password1994 password1995 password1996 password1997
password1998 password1999 password2000 password2001 password2002 password2003 password2004
password2005 password2006 password2007 password2008 password2009 password2010 password2011
password2012 password2013 password2014 password2015 password2016 password2017 password2018
password2019 password2020 password2021 password2022 password2023 password2024 password2025
password2026 patrick! patrick1 patrick1! patrick12 patrick123 patrick1234 patrick12345
patrick2024 patrick2025 peaches! peaches1 peaches1! peaches12 peaches123 peaches1234
peaches12345 peaches2024 peaches2025 peanut1! peanut12 peanut123 peanut1234 peanut12345
peanut2024 peanut2025 pepper1! pepper12 pepper123 pepper1234 pepper12345 pepper2024 pepper2025
peter123 peter1234 peter12345 peter2024 peter2025 petrov1! petrov12 petrov123 petrov1234
petrov12345 petrov2024 petrov2025 phantom! phantom1 phantom1! phantom12 phantom123 phantom1234
phantom12345 phantom2024 phantom2025 phoenix! phoenix1 phoenix1! phoenix12 phoenix123
phoenix1234 phoenix12345 phoenix2024 phoenix2025 pirate1! pirate12 pirate123 pirate1234
pirate12345 pirate2024 pirate2025 piter123 piter1234 piter12345 piter2024 piter2025 platinum
platinum! platinum1 platinum1! platinum12 platinum123 platinum1234 platinum12345 platinum2024
platinum2025 playboy! playboy1 playboy1! playboy12 playboy123 playboy1234 playboy12345
playboy2024 playboy2025 player1! player12 player123 player1234 player12345 player2024 player2025
please1! please12 please123 please1234 please12345 please2024 please2025 poiuytre poiuytrew
poiuytrewq pokemon! pokemon1 pokemon1! pokemon12 pokemon123 pokemon1234 pokemon12345 pokemon2024
pokemon2025 police1! police12 police123 police1234 police12345 police2024 police2025 poohbear
poohbear! poohbear1 poohbear1! poohbear12 poohbear123 poohbear1234 poohbear12345 poohbear2024
poohbear2025 pookie1! pookie12 pookie123 pookie1234 pookie12345 pookie2024 pookie2025 porn1234
porn12345 porn2024 porn2025 porsche! porsche1 porsche1! porsche12 porsche123 porsche1234
porsche12345 porsche2024 porsche2025 postgres postgres! postgres1 postgres1! postgres12
postgres123 postgres1234 postgres12345 postgres2024 postgres2025 power123 power1234 power12345
power2024 power2025 prince1! prince12 prince123 prince1234 prince12345 prince2024 prince2025
princesa princesa! princesa1 princesa1! princesa12 princesa123 princesa1234 princesa12345
princesa2024 princesa2025 princess princess! princess1 princess1! princess11 princess11!
princess112 princess1123 princess11234 princess112345 princess12 princess12! princess12024
princess12025 princess121 princess121! princess1212 princess12123 princess121234 princess1212345
princess122024 princess122025 princess123 princess1234 princess12345 princess2024 princess2025
private! private1 private1! private12 private123 private1234 private12345 private2024
private2025 privet1! privet12 privet123 privet123! privet1231 privet1231! privet12312
privet123123 privet1231234 privet12312345 privet1232024 privet1232025 privet1234 privet12345
privet2024 privet2025 pumpkin! pumpkin1 pumpkin1! pumpkin12 pumpkin123 pumpkin1234 pumpkin12345
pumpkin2024 pumpkin2025 pupsik1! pupsik12 pupsik123 pupsik1234 pupsik12345 pupsik2024 pupsik2025
purple1! purple12 purple123 purple1234 purple12345 purple2024 purple2025 q1w2e31! q1w2e312
q1w2e3123 q1w2e31234 q1w2e312345 q1w2e32024 q1w2e32025 q1w2e3r4 q1w2e3r4! q1w2e3r41 q1w2e3r41!
q1w2e3r412 q1w2e3r4123 q1w2e3r41234 q1w2e3r412345 q1w2e3r42024 q1w2e3r42025 q1w2e3r4t5
q1w2e3r4t5! q1w2e3r4t51 q1w2e3r4t51! q1w2e3r4t512 q1w2e3r4t5123 q1w2e3r4t51234 q1w2e3r4t512345
q1w2e3r4t52024 q1w2e3r4t52025 qazwsx1! qazwsx12 qazwsx123 qazwsx1234 qazwsx12345 qazwsx2024
qazwsx2025 qazwsxed qazwsxedc qazwsxedc! qazwsxedc1 qazwsxedc1! qazwsxedc12 qazwsxedc123
qazwsxedc1234 qazwsxedc12345 qazwsxedc2024 qazwsxedc2025 qazwsxedcr qazwsxedcrf qazwsxedcrfv
qazxsw1! qazxsw12 qazxsw123 qazxsw1234 qazxsw12345 qazxsw2024 qazxsw2025 qqqqqq1! qqqqqq12
qqqqqq123 qqqqqq1234 qqqqqq12345 qqqqqq2024 qqqqqq2025 qwaszx1! qwaszx12 qwaszx123 qwaszx1234
qwaszx12345 qwaszx2024 qwaszx2025 qwe1231! qwe12312 qwe123123 qwe1231234 qwe12312345 qwe1232024
qwe1232025 qweasd1! qweasd12 qweasd123 qweasd1234 qweasd12345 qweasd2024 qweasd2025 qweasdzx
qweasdzxc qweasdzxc! qweasdzxc1 qweasdzxc1! qweasdzxc12 qweasdzxc123 qweasdzxc1234
qweasdzxc12345 qweasdzxc2024 qweasdzxc2025 qweqwe1! qweqwe12 qweqwe123 qweqwe1234 qweqwe12345
qweqwe2024 qweqwe2025 qwer1234 qwer1234! qwer12341 qwer12341! qwer123412 qwer1234123
qwer12341234 qwer123412345 qwer12342024 qwer12342025 qwert123 qwert1234 qwert12345 qwert2024
qwert2025 qwerty1! qwerty11 qwerty11! qwerty112 qwerty1123 qwerty11234 qwerty112345 qwerty12
qwerty12! qwerty12024 qwerty12025 qwerty121 qwerty121! qwerty1212 qwerty12123 qwerty121234
qwerty1212345 qwerty122024 qwerty122025 qwerty123 qwerty123! qwerty1231 qwerty1231! qwerty12312
qwerty123123 qwerty1231234 qwerty12312345 qwerty1232024 qwerty1232025 qwerty1234 qwerty1234!
qwerty12341 qwerty12341! qwerty123412 qwerty1234123 qwerty12341234 qwerty123412345
qwerty12342024 qwerty12342025 qwerty12345 qwerty12345! qwerty123451 qwerty123451! qwerty1234512
qwerty12345123 qwerty123451234 qwerty1234512345 qwerty123452024 qwerty123452025 qwerty1960
qwerty1961 qwerty1962 qwerty1963 qwerty1964 qwerty1965 qwerty1966 qwerty1967 qwerty1968
qwerty1969 qwerty1970 qwerty1971 qwerty1972 qwerty1973 qwerty1974 qwerty1975 qwerty1976
qwerty1977 qwerty1978 qwerty1979 qwerty1980 qwerty1981 qwerty1982 qwerty1983 qwerty1984
qwerty1985 qwerty1986 qwerty1987 qwerty1988 qwerty1989 qwerty1990 qwerty1991 qwerty1992
qwerty1993 qwerty1994 qwerty1995 qwerty1996 qwerty1997 qwerty1998 qwerty1999 qwerty2000
qwerty2001 qwerty2002 qwerty2003 qwerty2004 qwerty2005 qwerty2006 qwerty2007 qwerty2008
qwerty2009 qwerty2010 qwerty2011 qwerty2012 qwerty2013 qwerty2014 qwerty2015 qwerty2016
qwerty2017 qwerty2018 qwerty2019 qwerty2020 qwerty2021 qwerty2022 qwerty2023 qwerty2024
qwerty2025 qwerty2026 qwertyas qwertyasd qwertyasdf qwertyasdfg qwertyasdfgh qwertyu! qwertyu1
qwertyu1! qwertyu12 qwertyu123 qwertyu1234 qwertyu12345 qwertyu2024 qwertyu2025 qwertyui
qwertyui! qwertyui1 qwertyui1! qwertyui12 qwertyui123 qwertyui1234 qwertyui12345 qwertyui2024
qwertyui2025 qwertyuio qwertyuiop qwertyuiop! qwertyuiop1 qwertyuiop1! qwertyuiop12
qwertyuiop123 qwertyuiop1234 qwertyuiop12345 qwertyuiop2024 qwertyuiop2025 rabbit1! rabbit12
rabbit123 rabbit1234 rabbit12345 rabbit2024 rabbit2025 rachel1! rachel12 rachel123 rachel1234
rachel12345 rachel2024 rachel2025 raiders! raiders1 raiders1! raiders12 raiders123 raiders1234
raiders12345 raiders2024 raiders2025 rainbow! rainbow1 rainbow1! rainbow12 rainbow123
rainbow1234 rainbow12345 rainbow2024 rainbow2025 ranger1! ranger12 ranger123 ranger1234
ranger12345 ranger2024 ranger2025 rangers! rangers1 rangers1! rangers12 rangers123 rangers1234
rangers12345 rangers2024 rangers2025 razz1234 razz12345 razz2024 razz2025 rebecca! rebecca1
rebecca1! rebecca12 rebecca123 rebecca1234 rebecca12345 rebecca2024 rebecca2025 red1231!
red12312 red123123 red1231234 red12312345 red1232024 red1232025 redskins redskins! redskins1
redskins1! redskins12 redskins123 redskins1234 redskins12345 redskins2024 redskins2025 redsox1!
redsox12 redsox123 redsox1234 redsox12345 redsox2024 redsox2025 redwings redwings! redwings1
redwings1! redwings12 redwings123 redwings1234 redwings12345 redwings2024 redwings2025 rfnz1234
rfnz12345 rfnz2024 rfnz2025 richard! richard1 richard1! richard12 richard123 richard1234
richard12345 richard2024 richard2025 rjntyjr! rjntyjr1 rjntyjr1! rjntyjr12 rjntyjr123
rjntyjr1234 rjntyjr12345 rjntyjr2024 rjntyjr2025 robert1! robert11 robert11! robert112
robert1123 robert11234 robert112345 robert12 robert12024 robert12025 robert123 robert1234
robert12345 robert2024 robert2025 rocket1! rocket12 rocket123 rocket1234 rocket12345 rocket2024
rocket2025 root1234 root12345 root2024 root2025 rosebud! rosebud1 rosebud1! rosebud12 rosebud123
rosebud1234 rosebud12345 rosebud2024 rosebud2025 rossija! rossija1 rossija1! rossija12
rossija123 rossija1234 rossija12345 rossija2024 rossija2025 rossiya! rossiya1 rossiya1!
rossiya12 rossiya123 rossiya1234 rossiya12345 rossiya2024 rossiya2025 runner1! runner12
runner123 runner1234 runner12345 runner2024 runner2025 rush2112 rush2112! rush21121 rush21121!
rush211212 rush2112123 rush21121234 rush211212345 rush21122024 rush21122025 russia1! russia12
russia123 russia1234 russia12345 russia2000 russia2000! russia20001 russia20001! russia200012
russia2000123 russia20001234 russia200012345 russia20002024 russia20002025 russia2024 russia2025
rybka123 rybka1234 rybka12345 rybka2024 rybka2025 samantha samantha! samantha1 samantha1!
samantha12 samantha123 samantha1234 samantha12345 samantha2024 samantha2025 samson1! samson12
samson123 samson1234 samson12345 samson2024 samson2025 samsung! samsung1 samsung1! samsung12
samsung123 samsung1234 samsung12345 samsung2024 samsung2025 samuel1! samuel12 samuel123
samuel1234 samuel12345 samuel2024 samuel2025 sandra1! sandra12 sandra123 sandra1234 sandra12345
sandra2024 sandra2025 sasha123 sasha1234 sasha12345 sasha2024 sasha2025 sashenka sashenka!
sashenka1 sashenka1! sashenka12 sashenka123 sashenka1234 sashenka12345 sashenka2024 sashenka2025
saturday saturday! saturday1 saturday1! saturday12 saturday123 saturday1234 saturday12345
saturday2024 saturday2025 saturn1! saturn12 saturn123 saturn1234 saturn12345 saturn2024
saturn2025 school1! school12 school123 school1234 school12345 school2024 school2025 scooby1!
scooby12 scooby123 scooby1234 scooby12345 scooby2024 scooby2025 scooter! scooter1 scooter1!
scooter12 scooter123 scooter1234 scooter12345 scooter2024 scooter2025 scorpio! scorpio1
scorpio1! scorpio12 scorpio123 scorpio1234 scorpio12345 scorpio2024 scorpio2025 scorpion
scorpion! scorpion1 scorpion1! scorpion12 scorpion123 scorpion1234 scorpion12345 scorpion2024
scorpion2025 scott123 scott1234 scott12345 scott2024 scott2025 secret1! secret12 secret123
secret123! secret1231 secret1231! secret12312 secret123123 secret1231234 secret12312345
secret1232024 secret1232025 secret1234 secret12345 secret2024 secret2025 september september!
september1 september1! september12 september123 september1234 september12345 september2024
september2025 sergei1! sergei12 sergei123 sergei1234 sergei12345 sergei2024 sergei2025 sergey1!
sergey12 sergey123 sergey1234 sergey12345 sergey2024 sergey2025 server1! server12 server123
server1234 server12345 server2024 server2025 shadow1! shadow12 shadow123 shadow123! shadow1231
shadow1231! shadow12312 shadow123123 shadow1231234 shadow12312345 shadow1232024 shadow1232025
shadow1234 shadow12345 shadow2024 shadow2025 shannon! shannon1 shannon1! shannon12 shannon123
shannon1234 shannon12345 shannon2024 shannon2025 shelby1! shelby12 shelby123 shelby1234
shelby12345 shelby2024 shelby2025 shithead shithead! shithead1 shithead1! shithead12 shithead123
shithead1234 shithead12345 shithead2024 shithead2025 sidorov! sidorov1 sidorov1! sidorov12
sidorov123 sidorov1234 sidorov12345 sidorov2024 sidorov2025 sierra1! sierra12 sierra123
sierra1234 sierra12345 sierra2024 sierra2025 silver1! silver12 silver123 silver1234 silver12345
silver2024 silver2025 skippy1! skippy12 skippy123 skippy1234 skippy12345 skippy2024 skippy2025
slayer1! slayer12 slayer123 slayer1234 slayer12345 slayer2024 slayer2025 slipknot slipknot!
slipknot1 slipknot1! slipknot12 slipknot123 slipknot1234 slipknot12345 slipknot2024 slipknot2025
smokey1! smokey12 smokey123 smokey1234 smokey12345 smokey2024 smokey2025 snickers snickers!
snickers1 snickers1! snickers12 snickers123 snickers1234 snickers12345 snickers2024 snickers2025
sniper1! sniper12 sniper123 sniper1234 sniper12345 sniper2024 sniper2025 snoopy1! snoopy12
snoopy123 snoopy1234 snoopy12345 snoopy2024 snoopy2025 snowball snowball! snowball1 snowball1!
snowball12 snowball123 snowball1234 snowball12345 snowball2024 snowball2025 sobaka1! sobaka12
sobaka123 sobaka1234 sobaka12345 sobaka2024 sobaka2025 soccer1! soccer12 soccer123 soccer1234
soccer12345 soccer2024 soccer2025 solnishko solnishko! solnishko1 solnishko1! solnishko12
solnishko123 solnishko1234 solnishko12345 solnishko2024 solnishko2025 solnyshko solnyshko!
solnyshko1 solnyshko1! solnyshko12 solnyshko123 solnyshko1234 solnyshko12345 solnyshko2024
solnyshko2025 sophie1! sophie12 sophie123 sophie1234 sophie12345 sophie2024 sophie2025 spanky1!
spanky12 spanky123 spanky1234 spanky12345 spanky2024 spanky2025 sparky1! sparky12 sparky123
sparky1234 sparky12345 sparky2024 sparky2025 spartak! spartak1 spartak1! spartak12 spartak123
spartak1234 spartak12345 spartak2024 spartak2025 spartakmoskva spartakmoskva! spartakmoskva1
spartakmoskva1! spartakmoskva12 spartakmoskva123 spartakmoskva1234 spartakmoskva12345
spartakmoskva2024 spartakmoskva2025 spencer! spencer1 spencer1! spencer12 spencer123 spencer1234
spencer12345 spencer2024 spencer2025 spider1! spider12 spider123 spider1234 spider12345
spider2024 spider2025 spring1! spring12 spring123 spring1234 spring12345 spring2024 spring2025
startrek startrek! startrek1 startrek1! startrek12 startrek123 startrek1234 startrek12345
startrek2024 startrek2025 starwars starwars! starwars1 starwars1! starwars11 starwars11!
starwars112 starwars1123 starwars11234 starwars112345 starwars12 starwars12024 starwars12025
starwars123 starwars1234 starwars12345 starwars2024 starwars2025 steelers steelers! steelers1
steelers1! steelers12 steelers123 steelers1234 steelers12345 steelers2024 steelers2025 stella1!
stella12 stella123 stella1234 stella12345 stella2024 stella2025 steve123 steve1234 steve12345
steve2024 steve2025 steven1! steven12 steven123 steven1234 steven12345 steven2024 steven2025
stupid1! stupid12 stupid123 stupid1234 stupid12345 stupid2024 stupid2025 success! success1
success1! success12 success123 success1234 success12345 success2024 success2025 suckit1!
suckit12 suckit123 suckit1234 suckit12345 suckit2024 suckit2025 summer1! summer11 summer11!
summer112 summer1123 summer11234 summer112345 summer12 summer12024 summer12025 summer123
summer1234 summer12345 summer2024 summer2025 sunday1! sunday12 sunday123 sunday1234 sunday12345
sunday2024 sunday2025 sunflower sunflower! sunflower1 sunflower1! sunflower12 sunflower123
sunflower1234 sunflower12345 sunflower2024 sunflower2025 sunshine sunshine! sunshine1 sunshine1!
sunshine11 sunshine11! sunshine112 sunshine1123 sunshine11234 sunshine112345 sunshine12
sunshine12024 sunshine12025 sunshine123 sunshine1234 sunshine12345 sunshine2024 sunshine2025
superman superman! superman1 superman1! superman11 superman11! superman112 superman1123
superman11234 superman112345 superman12 superman12024 superman12025 superman123 superman1234
superman12345 superman2024 superman2025 superstar superstar! superstar1 superstar1! superstar12
superstar123 superstar1234 superstar12345 superstar2024 superstar2025 surfer1! surfer12
surfer123 surfer1234 surfer12345 surfer2024 surfer2025 svetlana svetlana! svetlana1 svetlana1!
svetlana12 svetlana123 svetlana1234 svetlana12345 svetlana2024 svetlana2025 sydney1! sydney12
sydney123 sydney1234 sydney12345 sydney2024 sydney2025 system1! system12 system123 system1234
system12345 system2024 system2025 tatiana! tatiana1 tatiana1! tatiana12 tatiana123 tatiana1234
tatiana12345 tatiana2024 tatiana2025 tatyana! tatyana1 tatyana1! tatyana12 tatyana123
tatyana1234 tatyana12345 tatyana2024 tatyana2025 taylor1! taylor12 taylor123 taylor1234
taylor12345 taylor2024 taylor2025 tennis1! tennis12 tennis123 tennis1234 tennis12345 tennis2024
tennis2025 test1234 test12345 test2024 test2025 testing! testing1 testing1! testing12 testing123
testing1234 testing12345 testing2024 testing2025 theman1! theman12 theman123 theman1234
theman12345 theman2024 theman2025 therock! therock1 therock1! therock12 therock123 therock1234
therock12345 therock2024 therock2025 thomas1! thomas11 thomas11! thomas112 thomas1123
thomas11234 thomas112345 thomas12 thomas12024 thomas12025 thomas123 thomas1234 thomas12345
thomas2024 thomas2025 thunder! thunder1 thunder1! thunder12 thunder123 thunder1234 thunder12345
thunder2024 thunder2025 thursday thursday! thursday1 thursday1! thursday12 thursday123
thursday1234 thursday12345 thursday2024 thursday2025 thx1138! thx11381 thx11381! thx113812
thx1138123 thx11381234 thx113812345 thx11382024 thx11382025 tiffany! tiffany1 tiffany1!
tiffany12 tiffany123 tiffany1234 tiffany12345 tiffany2024 tiffany2025 tiger123 tiger1234
tiger12345 tiger2024 tiger2025 tigers1! tigers12 tigers123 tigers1234 tigers12345 tigers2024
tigers2025 tigger1! tigger12 tigger123 tigger1234 tigger12345 tigger2024 tigger2025 tits1234
tits12345 tits2024 tits2025 tomcat1! tomcat12 tomcat123 tomcat1234 tomcat12345 tomcat2024
tomcat2025 toor1234 toor12345 toor2024 toor2025 topgun1! topgun12 topgun123 topgun1234
topgun12345 topgun2024 topgun2025 toyota1! toyota12 toyota123 toyota1234 toyota12345 toyota2024
toyota2025 travis1! travis12 travis123 travis1234 travis12345 travis2024 travis2025 trinity!
trinity1 trinity1! trinity12 trinity123 trinity1234 trinity12345 trinity2024 trinity2025
trouble! trouble1 trouble1! trouble12 trouble123 trouble1234 trouble12345 trouble2024
trouble2025 trustno1 trustno1! trustno11 trustno11! trustno112 trustno1123 trustno11234
trustno112345 trustno12024 trustno12025 tucker1! tucker12 tucker123 tucker1234 tucker12345
tucker2024 tucker2025 tuesday! tuesday1 tuesday1! tuesday12 tuesday123 tuesday1234 tuesday12345
tuesday2024 tuesday2025 turtle1! turtle12 turtle123 turtle1234 turtle12345 turtle2024 turtle2025
twitter! twitter1 twitter1! twitter12 twitter123 twitter1234 twitter12345 twitter2024
twitter2025 ubuntu1! ubuntu12 ubuntu123 ubuntu1234 ubuntu12345 ubuntu2024 ubuntu2025 united1!
united12 united123 united1234 united12345 united2024 united2025 vbkfyf1! vbkfyf12 vbkfyf123
vbkfyf1234 vbkfyf12345 vbkfyf2024 vbkfyf2025 vfhbyf1! vfhbyf12 vfhbyf123 vfhbyf1234 vfhbyf12345
vfhbyf2024 vfhbyf2025 vfif1234 vfif12345 vfif2024 vfif2025 vfrcbv1! vfrcbv12 vfrcbv123
vfrcbv1234 vfrcbv12345 vfrcbv2024 vfrcbv2025 vfvjxrf! vfvjxrf1 vfvjxrf1! vfvjxrf12 vfvjxrf123
vfvjxrf1234 vfvjxrf12345 vfvjxrf2024 vfvjxrf2025 victor1! victor12 victor123 victor1234
victor12345 victor2024 victor2025 victoria victoria! victoria1 victoria1! victoria12 victoria123
victoria1234 victoria12345 victoria2024 victoria2025 viking1! viking12 viking123 viking1234
viking12345 viking2024 viking2025 vladimir vladimir! vladimir1 vladimir1! vladimir12 vladimir123
vladimir1234 vladimir12345 vladimir2024 vladimir2025 voodoo1! voodoo12 voodoo123 voodoo1234
voodoo12345 voodoo2024 voodoo2025 voyager! voyager1 voyager1! voyager12 voyager123 voyager1234
voyager12345 voyager2024 voyager2025 walter1! walter12 walter123 walter1234 walter12345
walter2024 walter2025 warrior! warrior1 warrior1! warrior12 warrior123 warrior1234 warrior12345
warrior2024 warrior2025 wednesday wednesday! wednesday1 wednesday1! wednesday12 wednesday123
wednesday1234 wednesday12345 wednesday2024 wednesday2025 welcome! welcome1 welcome1! welcome11
welcome11! welcome112 welcome1123 welcome11234 welcome112345 welcome12 welcome12024 welcome12025
welcome123 welcome123! welcome1231 welcome1231! welcome12312 welcome123123 welcome1231234
welcome12312345 welcome1232024 welcome1232025 welcome1234 welcome12345 welcome2 welcome2!
welcome2024 welcome2025 welcome21 welcome21! welcome212 welcome2123 welcome21234 welcome212345
welcome22024 welcome22025 whatever whatever! whatever1 whatever1! whatever12 whatever123
whatever1234 whatever12345 whatever2024 whatever2025 whatsup! whatsup1 whatsup1! whatsup12
whatsup123 whatsup1234 whatsup12345 whatsup2024 whatsup2025 william! william1 william1!
william11 william11! william112 william1123 william11234 william112345 william12 william12024
william12025 william123 william1234 william12345 william2024 william2025 williams williams!
williams1 williams1! williams12 williams123 williams1234 williams12345 williams2024 williams2025
willie1! willie12 willie123 willie1234 willie12345 willie2024 willie2025 willow1! willow12
willow123 willow1234 willow12345 willow2024 willow2025 wilson1! wilson12 wilson123 wilson1234
wilson12345 wilson2024 wilson2025 windows! windows1 windows1! windows12 windows123 windows1234
windows12345 windows2024 windows2025 winner1! winner12 winner123 winner1234 winner12345
winner2024 winner2025 winston! winston1 winston1! winston12 winston123 winston1234 winston12345
winston2024 winston2025 winter1! winter11 winter11! winter112 winter1123 winter11234
winter112345 winter12 winter12024 winter12025 winter123 winter1234 winter12345 winter2024
winter2025 wizard1! wizard12 wizard123 wizard1234 wizard12345 wizard2024 wizard2025 xavier1!
xavier12 xavier123 xavier1234 xavier12345 xavier2024 xavier2025 xsw2zaq1 xsw2zaq1! xsw2zaq11
xsw2zaq11! xsw2zaq112 xsw2zaq1123 xsw2zaq11234 xsw2zaq112345 xsw2zaq12024 xsw2zaq12025 xxxxxx1!
xxxxxx12 xxxxxx123 xxxxxx1234 xxxxxx12345 xxxxxx2024 xxxxxx2025 xxxxxxxx xxxxxxxx! xxxxxxxx1
xxxxxxxx1! xxxxxxxx12 xxxxxxxx123 xxxxxxxx1234 xxxxxxxx12345 xxxxxxxx2024 xxxxxxxx2025 yahoo123
yahoo1234 yahoo12345 yahoo2024 yahoo2025 yamaha1! yamaha12 yamaha123 yamaha1234 yamaha12345
yamaha2024 yamaha2025 yankee1! yankee12 yankee123 yankee1234 yankee12345 yankee2024 yankee2025
yankees! yankees1 yankees1! yankees12 yankees123 yankees1234 yankees12345 yankees2024
yankees2025 yellow1! yellow12 yellow123 yellow1234 yellow12345 yellow2024 yellow2025 yfnfif1!
yfnfif12 yfnfif123 yfnfif1234 yfnfif12345 yfnfif2024 yfnfif2025 youtube! youtube1 youtube1!
youtube12 youtube123 youtube1234 youtube12345 youtube2024 youtube2025 ytnj1234 ytnj12345
ytnj2024 ytnj2025 yulia123 yulia1234 yulia12345 yulia2024 yulia2025 zaichik! zaichik1 zaichik1!
zaichik12 zaichik123 zaichik1234 zaichik12345 zaichik2024 zaichik2025 zaika123 zaika1234
zaika12345 zaika2024 zaika2025 zaq12wsx zaq12wsx! zaq12wsx1 zaq12wsx1! zaq12wsx12 zaq12wsx123
zaq12wsx1234 zaq12wsx12345 zaq12wsx2024 zaq12wsx2025 zaq1xsw2 zaq1xsw2c zaq1xsw2cd zaq1xsw2cde
zaq1xsw2cde3 zaq1zaq1 zaq1zaq1! zaq1zaq11 zaq1zaq11! zaq1zaq112 zaq1zaq1123 zaq1zaq11234
zaq1zaq112345 zaq1zaq12024 zaq1zaq12025 zenit123 zenit1234 zenit12345 zenit2024 zenit2025
zenitpiter zenitpiter! zenitpiter1 zenitpiter1! zenitpiter12 zenitpiter123 zenitpiter1234
zenitpiter12345 zenitpiter2024 zenitpiter2025 zxc1231! zxc12312 zxc123123 zxc1231234 zxc12312345
zxc1232024 zxc1232025 zxcasdqwe zxcasdqwe! zxcasdqwe1 zxcasdqwe1! zxcasdqwe12 zxcasdqwe123
zxcasdqwe1234 zxcasdqwe12345 zxcasdqwe2024 zxcasdqwe2025 zxcvbn1! zxcvbn12 zxcvbn123 zxcvbn1234
zxcvbn12345 zxcvbn2024 zxcvbn2025 zxcvbnm! zxcvbnm1 zxcvbnm1! zxcvbnm12 zxcvbnm123 zxcvbnm1234
zxcvbnm12345 zxcvbnm2024 zxcvbnm2025 zzzzzz1! zzzzzz12 zzzzzz123 zzzzzz1234 zzzzzz12345
zzzzzz2024 zzzzzz2025 админ123 админ1234 админ12345 админ2024 админ2025 администратор
администратор! администратор1 администратор1! администратор12 администратор123 администратор1234
администратор12345 администратор2024 администратор2025 александр александр! александр1
александр1! александр12 александр123 александр1234 александр12345 александр2024 александр2025
александра александра! александра1 александра1! александра12 александра123 александра1234
александра12345 александра2024 александра2025 алексей! алексей1 алексей1! алексей12 алексей123
алексей1234 алексей12345 алексей2024 алексей2025 алина123 алина1234 алина12345 алина2024
алина2025 анастасия анастасия! анастасия1 анастасия1! анастасия12 анастасия123 анастасия1234
анастасия12345 анастасия2024 анастасия2025 ангел123 ангел1234 ангел12345 ангел2024 ангел2025
андрей1! андрей12 андрей123 андрей1234 андрей12345 андрей2024 андрей2025 белый123 белый1234
белый12345 белый2024 белый2025 владимир владимир! владимир1 владимир1! владимир12 владимир123
владимир1234 владимир12345 владимир2024 владимир2025 дима1234 дима12345 дима2024 дима2025
димон123 димон1234 димон12345 димон2024 димон2025 динамо1! динамо12 динамо123 динамо1234
динамо12345 динамо2024 динамо2025 дмитрий! дмитрий1 дмитрий1! дмитрий12 дмитрий123 дмитрий1234
дмитрий12345 дмитрий2024 дмитрий2025 доступ1! доступ12 доступ123 доступ1234 доступ12345
доступ2024 доступ2025 дракон1! дракон12 дракон123 дракон1234 дракон12345 дракон2024 дракон2025
екатерина екатерина! екатерина1 екатерина1! екатерина12 екатерина123 екатерина1234
екатерина12345 екатерина2024 екатерина2025 елена123 елена1234 елена12345 елена2024 елена2025
зайка123 зайка1234 зайка12345 зайка2024 зайка2025 зайчик1! зайчик12 зайчик123 зайчик1234
зайчик12345 зайчик2024 зайчик2025 зеленый! зеленый1 зеленый1! зеленый12 зеленый123 зеленый1234
зеленый12345 зеленый2024 зеленый2025 зенит123 зенит1234 зенит12345 зенит2024 зенит2025 иван1234
иван12345 иван2024 иван2025 иванов1! иванов12 иванов123 иванов1234 иванов12345 иванов2024
иванов2025 ирина123 ирина1234 ирина12345 ирина2024 ирина2025 йцукен1! йцукен12 йцукен123
йцукен123! йцукен1231 йцукен1231! йцукен12312 йцукен123123 йцукен1231234 йцукен12312345
йцукен1232024 йцукен1232025 йцукен1234 йцукен12345 йцукен12345! йцукен123451 йцукен123451!
йцукен1234512 йцукен12345123 йцукен123451234 йцукен1234512345 йцукен123452024 йцукен123452025
йцукен2024 йцукен2025 йцукенг! йцукенг1 йцукенг1! йцукенг12 йцукенг123 йцукенг1234 йцукенг12345
йцукенг2024 йцукенг2025 йцукенгш йцукенгш! йцукенгш1 йцукенгш1! йцукенгш12 йцукенгш123
йцукенгш1234 йцукенгш12345 йцукенгш2024 йцукенгш2025 йцукенгшщ йцукенгшщз йцукенгшщз!
йцукенгшщз1 йцукенгшщз1! йцукенгшщз12 йцукенгшщз123 йцукенгшщз1234 йцукенгшщз12345
йцукенгшщз2024 йцукенгшщз2025 йцукенгшщзх йцукенгшщзхъ йцукенгшщзхъ! йцукенгшщзхъ1
йцукенгшщзхъ1! йцукенгшщзхъ12 йцукенгшщзхъ123 йцукенгшщзхъ1234 йцукенгшщзхъ12345
йцукенгшщзхъ2024 йцукенгшщзхъ2025 катя1234 катя12345 катя2024 катя2025 киска123 киска1234
киска12345 киска2024 киска2025 котенок! котенок1 котенок1! котенок12 котенок123 котенок1234
котенок12345 котенок2024 котенок2025 котик123 котик1234 котик12345 котик2024 котик2025 кошка123
кошка1234 кошка12345 кошка2024 кошка2025 красный! красный1 красный1! красный12 красный123
красный1234 красный12345 красный2024 красный2025 лапочка! лапочка1 лапочка1! лапочка12
лапочка123 лапочка1234 лапочка12345 лапочка2024 лапочка2025 локомотив локомотив! локомотив1
локомотив1! локомотив12 локомотив123 локомотив1234 локомотив12345 локомотив2024 локомотив2025
лошадь1! лошадь12 лошадь123 лошадь1234 лошадь12345 лошадь2024 лошадь2025 люблютебя люблютебя!
люблютебя1 люблютебя1! люблютебя12 люблютебя123 люблютебя1234 люблютебя12345 люблютебя2024
люблютебя2025 любовь1! любовь12 любовь123 любовь123! любовь1231 любовь1231! любовь12312
любовь123123 любовь1231234 любовь12312345 любовь1232024 любовь1232025 любовь1234 любовь12345
любовь2024 любовь2025 максим1! максим12 максим123 максим1234 максим12345 максим2024 максим2025
малыш123 малыш1234 малыш12345 малыш2024 малыш2025 мама1234 мама12345 мама2024 мама2025 мамочка!
мамочка1 мамочка1! мамочка12 мамочка123 мамочка1234 мамочка12345 мамочка2024 мамочка2025
марина1! марина12 марина123 марина1234 марина12345 марина2024 марина2025 масик123 масик1234
масик12345 масик2024 масик2025 маша1234 маша12345 маша2024 маша2025 медведь! медведь1 медведь1!
медведь12 медведь123 медведь1234 медведь12345 медведь2024 медведь2025 михаил1! михаил12
михаил123 михаил1234 михаил12345 михаил2024 михаил2025 москва1! москва12 москва123 москва1234
москва12345 москва2024 москва2025 настя123 настя1234 настя12345 настя2024 настя2025 наташа1!
наташа12 наташа123 наташа1234 наташа12345 наташа2024 наташа2025 николай! николай1 николай1!
николай12 николай123 николай1234 николай12345 николай2024 николай2025 ольга123 ольга1234
ольга12345 ольга2024 ольга2025 папа1234 папа12345 папа2024 папа2025 пароль1! пароль11 пароль11!
пароль112 пароль1123 пароль11234 пароль112345 пароль12 пароль12024 пароль12025 пароль123
пароль123! пароль1231 пароль1231! пароль12312 пароль123123 пароль1231234 пароль12312345
пароль1232024 пароль1232025 пароль1234 пароль12345 пароль1960 пароль1961 пароль1962 пароль1963
пароль1964 пароль1965 пароль1966 пароль1967 пароль1968 пароль1969 пароль1970 пароль1971
пароль1972 пароль1973 пароль1974 пароль1975 пароль1976 пароль1977 пароль1978 пароль1979
пароль1980 пароль1981 пароль1982 пароль1983 пароль1984 пароль1985 пароль1986 пароль1987
пароль1988 пароль1989 пароль1990 пароль1991 пароль1992 пароль1993 пароль1994 пароль1995
пароль1996 пароль1997 пароль1998 пароль1999 пароль2000 пароль2001 пароль2002 пароль2003
пароль2004 пароль2005 пароль2006 пароль2007 пароль2008 пароль2009 пароль2010 пароль2011
пароль2012 пароль2013 пароль2014 пароль2015 пароль2016 пароль2017 пароль2018 пароль2019
пароль2020 пароль2021 пароль2022 пароль2023 пароль2024 пароль2025 пароль2026 парольпароль
парольпароль! парольпароль1 парольпароль1! парольпароль12 парольпароль123 парольпароль1234
парольпароль12345 парольпароль2024 парольпароль2025 петров1! петров12 петров123 петров1234
петров12345 петров2024 петров2025 питер123 питер1234 питер12345 питер2024 питер2025 привет1!
привет12 привет123 привет123! привет1231 привет1231! привет12312 привет123123 привет1231234
привет12312345 привет1232024 привет1232025 привет1234 привет12345 привет2024 привет2025 пупсик1!
пупсик12 пупсик123 пупсик1234 пупсик12345 пупсик2024 пупсик2025 россия1! россия12 россия123
россия1234 россия12345 россия2024 россия2025 рыбка123 рыбка1234 рыбка12345 рыбка2024 рыбка2025
саша1234 саша12345 саша2024 саша2025 сашенька сашенька! сашенька1 сашенька1! сашенька12
сашенька123 сашенька1234 сашенька12345 сашенька2024 сашенька2025 светлана светлана! светлана1
светлана1! светлана12 светлана123 светлана1234 светлана12345 светлана2024 светлана2025 сергей1!
сергей12 сергей123 сергей1234 сергей12345 сергей2024 сергей2025 сидоров! сидоров1 сидоров1!
сидоров12 сидоров123 сидоров1234 сидоров12345 сидоров2024 сидоров2025 собака1! собака12
собака123 собака1234 собака12345 собака2024 собака2025 солнце1! солнце12 солнце123 солнце1234
солнце12345 солнце2024 солнце2025 солнышко солнышко! солнышко1 солнышко1! солнышко12 солнышко123
солнышко1234 солнышко12345 солнышко2024 солнышко2025 спартак! спартак1 спартак1! спартак12
спартак123 спартак1234 спартак12345 спартак2024 спартак2025 татьяна! татьяна1 татьяна1!
татьяна12 татьяна123 татьяна1234 татьяна12345 татьяна2024 татьяна2025 фывапр1! фывапр12
фывапр123 фывапр1234 фывапр12345 фывапр2024 фывапр2025 фывапрол фывапролд фывапролд! фывапролд1
фывапролд1! фывапролд12 фывапролд123 фывапролд1234 фывапролд12345 фывапролд2024 фывапролд2025
фывапролдж фывапролджэ фывапролджэ! фывапролджэ1 фывапролджэ1! фывапролджэ12 фывапролджэ123
фывапролджэ1234 фывапролджэ12345 фывапролджэ2024 фывапролджэ2025 цска1234 цска12345 цска2024
цска2025 черный1! черный12 черный123 черный1234 черный12345 черный2024 черный2025 юлия1234
юлия12345 юлия2024 юлия2025 ячсмит1! ячсмит12 ячсмит123 ячсмит1234 ячсмит12345 ячсмит2024
ячсмит2025 ячсмитьб ячсмитьбю ячсмитьбю! ячсмитьбю1 ячсмитьбю1! ячсмитьбю12 ячсмитьбю123
ячсмитьбю1234 ячсмитьбю12345 ячсмитьбю2024 ячсмитьбю2025
`

let set: Set<string> | undefined

/** The blocklist as a set (built lazily: most isolates never check a password). */
export function commonPasswordSet(): ReadonlySet<string> {
  set ??= new Set(list.split(/\s+/).filter(Boolean))
  return set
}
