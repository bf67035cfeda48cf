package redact_test

import (
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// logRecord is one realistic record of a log or export format, written
// with the ⟦kind:value⟧ markup of the held-out corpus (see
// parseHoldoutMarkup): every marked value must be found as that kind,
// exactly at its span, and must not survive Redact.
type logRecord struct {
	format, name, text string
}

// logFormatRecords are the records TestLogFormats checks, grouped by
// format.
var logFormatRecords = []logRecord{
	// JSON log lines.
	{"json", "flat", `{"ts":"2026-03-07T14:22:05.123Z","level":"error","msg":"login failed","email":"⟦email:jane.doe@example.com⟧","client_ip":"⟦ipv4:203.0.113.7⟧","attempt":3}`},
	{"json", "nested", `{"level":"info","user":{"id":48213,"contact":{"email":"⟦email:m.mueller@beispiel.de⟧","phone":"⟦phone:+49 30 901820⟧"}},"req":{"remote":"⟦ipv6:2001:db8::2:1⟧","path":"/api/v2/orders/118422"}}`},
	{"json", "array", `{"event":"invite","to":["⟦email:pierre.dupont@exemple.fr⟧","⟦email:carlos.garcia@empresa.es⟧"],"ips":["⟦ipv4:198.51.100.23⟧","⟦ipv4:192.0.2.44⟧"]}`},
	{"json", "escaped quotes", `{"level":"warn","msg":"user \"⟦email:jane.doe@example.com⟧\" entered card \"⟦credit_card:4242424242424242⟧\" twice"}`},
	{"json", "escaped quotes phone", `{"msg":"callback to \"⟦phone:+44 20 7946 0958⟧\" failed","status":502}`},
	{"json", "payment", `{"order":"ORD-2026-118422","amount":129.99,"currency":"EUR","card":"⟦credit_card:4111 1111 1111 1111⟧","iban":"⟦iban:DE89370400440532013000⟧"}`},
	{"json", "credentials", `{"service":"billing","api_key":"⟦secret:sk_test_4eC39HqLyjWDarjtT1zdp7dc⟧","password":"⟦secret:Tr0ub4dor&3⟧","db":{"user":"app","password":"⟦secret:s3cr3t-db-pw⟧"}}`},
	{"json", "ssn", `{"applicant":{"name":"Jane Doe","ssn":"⟦us_ssn:536-22-1807⟧","dob":"1985-04-12"}}`},
	{"json", "headers object", `{"request":{"headers":{"Authorization":"Bearer ⟦secret:8f14e45fceea167a5a36dedd4bea2543⟧","X-Forwarded-For":"⟦ipv4:203.0.113.7⟧, ⟦ipv4:10.0.8.12⟧"}}}`},
	{"json", "ipv6 zone", `{"iface":"eth0","link_local":"⟦ipv6:fe80::1%eth0⟧","global":"⟦ipv6:2001:db8:85a3::8a2e:370:7334⟧"}`},
	{"json", "escaped JSON in JSON", `{"level":"debug","body":"{\"email\":\"⟦email:jane.doe@example.com⟧\",\"phone\":\"⟦phone:+1-202-555-0143⟧\"}"}`},
	{"json", "unicode in value", `{"msg":"Kundin ⟦email:élodie.martin@example.fr⟧ – Rückruf unter ⟦phone:+33 1 23 45 67 89⟧"}`},
	{"json", "Go escapes", `{"msg":"send to \u003c ⟦email:jane.doe@example.com⟧ \u003e","url":"/cb?a=1\u0026card=⟦credit_card:4242424242424242⟧"}`},
	{"json", "token and JWT", `{"auth":{"token":"⟦secret:0a1b2c3d4e5f⟧"},"id_token":"⟦secret:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c⟧"}`},
	{"json", "cookie header", `{"headers":{"Cookie":"⟦secret:SID=31d4d96e407aad42; lang=en-US⟧"},"status":200}`},
	{"json", "national numbers", `{"phones":["⟦phone:020 7946 0958⟧","⟦phone:(202) 555-0143⟧"],"card_number":"⟦credit_card:4242-4242-4242-4242⟧","ssn":"⟦us_ssn:536221807⟧"}`},
	{"json", "ip with ports", `{"peer":"⟦ipv4:203.0.113.7⟧:8443","peer6":"[⟦ipv6:2001:db8::1⟧]:8443"}`},

	// logfmt.
	{"logfmt", "plain", `time=2026-03-07T14:22:05Z level=info msg=login user=⟦email:jane.doe@example.com⟧ ip=⟦ipv4:203.0.113.7⟧ duration=12ms`},
	{"logfmt", "quoted", `time=2026-03-07T14:22:05Z level=error msg="charge failed for ⟦email:carlos.garcia@empresa.es⟧" card="⟦credit_card:5555 5555 5555 4444⟧" phone="⟦phone:+34 912 345 678⟧"`},
	{"logfmt", "secrets", `level=warn msg="retrying" password=⟦secret:hunter2xyz⟧ api_key="⟦secret:k9Zx81Qw7Lm3⟧" token=⟦secret:0a1b2c3d4e5f⟧ attempt=2`},
	{"logfmt", "ipv6 and ssn", `level=info component=kyc peer=⟦ipv6:2001:db8::1⟧ ssn=⟦us_ssn:536-22-1807⟧ status=ok`},
	{"logfmt", "iban", `level=info msg="payout" iban=⟦iban:GB29NWBK60161331926819⟧ amount=250.00 currency=GBP`},

	// Syslog (RFC 5424) with structured data.
	{"syslog", "sd params", `<165>1 2026-03-07T14:22:05.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" src="⟦ipv4:192.0.2.44⟧" user="⟦email:jane.doe@example.com⟧"] login failed`},
	{"syslog", "msg", `<34>1 2026-03-07T22:14:15.003Z web01 sshd 4123 - - Failed password for invalid user admin from ⟦ipv4:198.51.100.23⟧ port 52814 ssh2`},
	{"syslog", "ipv6 origin", `<13>1 2026-03-07T14:22:05Z host app 77 - [origin ip="⟦ipv6:2001:db8:cafe::17⟧"][meta sequenceId="29"] user ⟦email:support@example.com⟧ changed phone to ⟦phone:+44 20 7946 0958⟧`},
	{"syslog", "BSD", `Mar  7 14:22:05 web01 postfix/smtpd[2211]: connect from unknown[⟦ipv4:203.0.113.9⟧]`},
	{"syslog", "sd secrets", `<165>1 2026-03-07T14:22:05.003Z host app - - [auth@32473 password="⟦secret:hunter2xyz⟧" token="⟦secret:0a1b2c3d4e5f⟧"][x@1 phone="⟦phone:+44 20 7946 0958⟧" card="⟦credit_card:4242424242424242⟧" ssn="⟦us_ssn:536-22-1807⟧"]`},
	{"syslog", "sshd ipv6", `<86>1 2026-03-07T14:22:05+01:00 host sshd 1 - - Accepted publickey for deploy from ⟦ipv6:2001:db8::2:1⟧ port 22 ssh2`},
	{"syslog", "ufw", `Mar  7 14:22:05 host kernel: [UFW BLOCK] IN=eth0 OUT= SRC=⟦ipv4:203.0.113.7⟧ DST=⟦ipv4:198.51.100.23⟧ LEN=60 PROTO=TCP SPT=52814 DPT=22`},
	{"syslog", "ufw ipv6", `Mar  7 14:22:05 host kernel: [UFW BLOCK] SRC=⟦ipv6:2001:0db8:0000:0000:0000:0000:0000:0001⟧ DST=⟦ipv6:2001:db8::2⟧`},

	// Apache/nginx combined access logs.
	{"access", "combined", `⟦ipv4:203.0.113.7⟧ - - [07/Mar/2026:14:22:05 +0000] "GET /account?email=⟦email:jane.doe%40example.com⟧&lang=de HTTP/1.1" 200 5123 "https://example.com/login" "Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0"`},
	{"access", "ipv6 client", `⟦ipv6:2001:db8::2:1⟧ - frank [07/Mar/2026:14:22:05 +0100] "POST /login HTTP/2.0" 302 0 "-" "curl/8.5.0"`},
	{"access", "card in path", `⟦ipv4:198.51.100.23⟧ - - [07/Mar/2026:14:22:05 +0000] "GET /pay/card/⟦credit_card:4242424242424242⟧/verify HTTP/1.1" 404 0 "-" "-"`},
	{"access", "query secrets", `⟦ipv4:192.0.2.44⟧ - - [07/Mar/2026:14:22:06 +0000] "GET /api/v1/report?api_key=⟦secret:Zx81Qw7Lm3pQ⟧&user=⟦email:m.mueller%40beispiel.de⟧&page=2 HTTP/1.1" 200 812 "-" "python-requests/2.31"`},
	{"access", "nginx upstream", `⟦ipv4:10.0.8.12⟧ - - [07/Mar/2026:14:22:07 +0000] "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29" rt=0.002 upstream=⟦ipv4:10.0.184.12⟧:8080`},
	{"access", "email plus encoded", `⟦ipv4:203.0.113.7⟧ - - [07/Mar/2026:14:22:08 +0000] "GET /subscribe?email=⟦email:j%2Bsupport%40mail.example.org⟧ HTTP/1.1" 200 11 "-" "-"`},
	{"access", "card in query", `⟦ipv4:203.0.113.7⟧ - - [07/Mar/2026:14:22:09 +0000] "GET /checkout?card=⟦credit_card:4242424242424242⟧&exp=12%2F28 HTTP/1.1" 200 11 "-" "-"`},
	{"access", "referer and user", `⟦ipv4:203.0.113.7⟧ - ⟦email:jane.doe@example.com⟧ [07/Mar/2026:14:22:05 +0000] "GET /u?e=⟦email:pierre.dupont%40exemple.fr⟧ HTTP/1.1" 200 1 "https://ref.example.com/?email=⟦email:m.mueller%40beispiel.de⟧" "-"`},
	{"access", "forwarded prefix", `⟦ipv4:198.51.100.23⟧, ⟦ipv4:203.0.113.7⟧ - - [07/Mar/2026:14:22:05 +0000] "GET /reset?token=⟦secret:0a1b2c3d4e5f⟧&ssn=⟦us_ssn:536-22-1807⟧&iban=⟦iban:DE89370400440532013000⟧ HTTP/1.1" 200 1`},
	{"access", "encoded path", `⟦ipv4:192.0.2.44⟧ - - [07/Mar/2026:14:22:05 +0000] "GET /api/users/⟦email:jane.doe%40example.com⟧/profile?access_token=⟦secret:ya29.a0AfH6SMBxyz⟧ HTTP/1.1" 200 1`},

	// CSV exports.
	{"csv", "header row", "id,name,email,phone,card,iban,created\n10234,\"Doe, Jane\",⟦email:jane.doe@example.com⟧,⟦phone:+1-202-555-0143⟧,⟦credit_card:4111111111111111⟧,⟦iban:DE89370400440532013000⟧,2026-11-23"},
	{"csv", "quoted fields", `10235,"Müller, Max","⟦email:m.mueller@beispiel.de⟧","⟦phone:+49 30 901820⟧","Hauptstr. 5, 10115 Berlin","⟦iban:DE89 3704 0044 0532 0130 00⟧"`},
	{"csv", "ssn and ip", `10236,"Smith, John",⟦us_ssn:536-22-1807⟧,⟦ipv4:198.51.100.23⟧,"notes: called ⟦phone:(202) 555-0143⟧, ok"`},
	{"csv", "semicolon", `10237;"Dupont; Pierre";⟦email:pierre.dupont@exemple.fr⟧;⟦phone:+33 1 23 45 67 89⟧;⟦iban:FR14 2004 1010 0505 0001 3M02 606⟧`},
	{"csv", "embedded quotes", `10238,"She said ""mail me at ⟦email:carlos.garcia@empresa.es⟧"" twice",⟦credit_card:378282246310005⟧`},
	{"csv", "mixed fields", `10241,⟦email:jane.doe@example.com⟧,"⟦phone:+44 20 7946 0958⟧","⟦credit_card:4242 4242 4242 4242⟧",⟦us_ssn:536-22-1807⟧,⟦ipv6:2001:db8::1⟧,⟦ipv6:2001:db8::2⟧`},
	{"csv", "two numbers", `10247,⟦phone:+49 30 901820⟧,⟦us_ssn:875-61-0203⟧,⟦phone:0207 946 0958⟧,⟦phone:+33 1 23 45 67 89⟧,2026-11-21`},
	{"csv", "lists in a field", `10246,"⟦email:jane.doe@example.com⟧, ⟦email:m.mueller@beispiel.de⟧",⟦email:support@example.com⟧;⟦email:carlos.garcia@empresa.es⟧,x`},

	// TSV.
	{"tsv", "row", "10239\tJane Doe\t⟦email:jane.doe@example.com⟧\t⟦phone:+44 20 7946 0958⟧\t⟦ipv4:203.0.113.7⟧\t⟦credit_card:5555-5555-5555-4444⟧\t2026-11-23"},
	{"tsv", "ipv6 and ssn", "10240\t⟦ipv6:2001:db8:85a3::8a2e:370:7334⟧\t⟦us_ssn:875-61-0203⟧\t⟦iban:NL91ABNA0417164300⟧"},

	// SQL INSERT dumps.
	{"sql", "insert", `INSERT INTO customers (id, email, phone, card) VALUES (1, '⟦email:jane.doe@example.com⟧', '⟦phone:+44 20 7946 0958⟧', '⟦credit_card:4242424242424242⟧');`},
	{"sql", "multi row", `INSERT INTO users VALUES (2,'⟦email:m.mueller@beispiel.de⟧','⟦ipv4:198.51.100.23⟧','⟦us_ssn:536-22-1807⟧'),(3,'⟦email:pierre.dupont@exemple.fr⟧','⟦ipv6:2001:db8::1⟧','⟦iban:FR1420041010050500013M02606⟧');`},
	{"sql", "escaped quote", `INSERT INTO notes (body) VALUES ('O''Brien wrote from ⟦email:carlos.garcia@empresa.es⟧, tel ⟦phone:(202) 555-0143⟧');`},
	{"sql", "update password", `UPDATE accounts SET password='⟦secret:N3wPassw0rd!⟧', iban='⟦iban:GB29NWBK60161331926819⟧' WHERE id=7;`},
	{"sql", "where clause", `SELECT * FROM users WHERE ssn = '⟦us_ssn:536-22-1807⟧' AND ip = '⟦ipv4:203.0.113.7⟧'::inet AND phone = "⟦phone:+1 (202) 555-0143⟧";`},
	{"sql", "grant", `CREATE USER 'app'@'⟦ipv4:10.0.8.12⟧' IDENTIFIED BY PASSWORD '*'; GRANT ALL ON db.* TO 'app'@'⟦ipv4:203.0.113.7⟧';`},
	{"sql", "copy", "COPY customers (id, email, phone) FROM stdin;\n1\t⟦email:jane.doe@example.com⟧\t⟦phone:+44 20 7946 0958⟧\n\\."},

	// HTTP request dumps.
	{"http", "authorization", "POST /api/v1/charges HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer ⟦secret:8f14e45fceea167a5a36dedd4bea2543⟧\r\nContent-Type: application/json\r\n\r\n{\"email\":\"⟦email:jane.doe@example.com⟧\"}"},
	{"http", "basic", "GET /admin HTTP/1.1\r\nHost: intranet.example.com\r\nAuthorization: Basic ⟦secret:dXNlcjpwYXNzd29yZA==⟧\r\n"},
	{"http", "cookie", "GET / HTTP/1.1\r\nHost: example.com\r\nCookie: ⟦secret:SID=31d4d96e407aad42; lang=en-US⟧\r\nUser-Agent: Mozilla/5.0\r\n"},
	{"http", "x-forwarded-for", "GET / HTTP/1.1\r\nX-Forwarded-For: ⟦ipv4:203.0.113.7⟧, ⟦ipv4:198.51.100.23⟧, ⟦ipv4:10.0.8.12⟧\r\nX-Real-IP: ⟦ipv4:203.0.113.7⟧\r\n"},
	{"http", "forwarded", "GET / HTTP/1.1\r\nForwarded: for=⟦ipv4:192.0.2.60⟧;proto=http;by=⟦ipv4:203.0.113.43⟧\r\n"},
	{"http", "forwarded ipv6", "GET / HTTP/1.1\r\nForwarded: for=\"[⟦ipv6:2001:db8:cafe::17⟧]:4711\", for=⟦ipv4:198.51.100.17⟧\r\n"},
	{"http", "api key header", "GET /v2/things HTTP/1.1\r\nX-Api-Key: ⟦secret:3f9a7c2e1b8d⟧\r\nX-Auth-Token: ⟦secret:0a1b2c3d4e5f⟧\r\n"},
	{"http", "set-cookie", "HTTP/1.1 200 OK\r\nSet-Cookie: ⟦secret:sessionid=8c2f0e7b1a; Path=/; Secure; HttpOnly⟧\r\n"},
	{"http", "form body", "POST /signup HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nemail=⟦email:jane.doe%40example.com⟧&password=⟦secret:hunter2xyz⟧&card=⟦credit_card:4242424242424242⟧"},
	{"http", "forwarded ports", "X-Forwarded-For: ⟦ipv4:203.0.113.7⟧:52814, [⟦ipv6:2001:db8::1⟧]:443\r\nForwarded: for=\"⟦ipv4:192.0.2.60⟧:8080\";proto=https, for=unknown, for=\"_hidden\"\r\nTrue-Client-IP: ⟦ipv6:2001:db8:85a3::8a2e:370:7334⟧\r\nVia: 1.1 ⟦ipv4:198.51.100.23⟧ (squid/5.7)"},
	{"http", "other credentials", "Proxy-Authorization: Basic ⟦secret:YWxhZGRpbjpvcGVuc2VzYW1l⟧\r\nAuthorization: Token token=\"⟦secret:0a1b2c3d4e5f⟧\"\r\nX-Amz-Security-Token: ⟦secret:FwoGZXIvYXdzEBYaDHqa0AP⟧\r\nauthorization: bearer ⟦secret:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c⟧"},
	{"http", "aws credential", "Authorization: AWS4-HMAC-SHA256 Credential=⟦secret:AKIAIOSFODNN7EXAMPLE⟧/20260307/us-east-1/s3/aws4_request, SignedHeaders=host"},

	// E-mail headers.
	{"mail", "from to cc", "From: \"Jane Doe\" <⟦email:jane.doe@example.com⟧>\nTo: Max Müller <⟦email:m.mueller@beispiel.de⟧>, ⟦email:support@example.com⟧\nCc: \"Dupont, Pierre\" <⟦email:pierre.dupont@exemple.fr⟧>; ⟦email:carlos.garcia@empresa.es⟧"},
	{"mail", "received", "Received: from mail.example.org (mail.example.org [⟦ipv4:198.51.100.23⟧])\n\tby mx.example.com (Postfix) with ESMTPS id 4F2A1;\n\tSat, 7 Mar 2026 14:22:05 +0000 (UTC)"},
	{"mail", "received ipv6", "Received: from [IPv6:⟦ipv6:2001:db8::25⟧] (helo=client.example.net)\n\tby smtp.example.com with esmtpa (Exim 4.96)\n\tfor <⟦email:support@example.com⟧>; Sat, 07 Mar 2026 14:22:05 +0000"},
	{"mail", "reply-to", "Reply-To: ⟦email:support-team@helpdesk.example.io⟧\nX-Originating-IP: [⟦ipv4:203.0.113.7⟧]"},
	{"mail", "signature", "--\nJane Doe | Acme GmbH\nTel. ⟦phone:+49 30 901820⟧ | Mobil ⟦phone:+49 170 1234567⟧\n⟦email:jane.doe@example.com⟧"},
	{"mail", "tight lists", "To: ⟦email:jane.doe@example.com⟧,⟦email:m.mueller@beispiel.de⟧\nCc: <⟦email:support@example.com⟧>;<⟦email:carlos.garcia@empresa.es⟧>\nFrom: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <⟦email:juergen.mueller@beispiel.de⟧>\nDelivered-To: ⟦email:jane.doe+tickets@example.com⟧"},
	{"mail", "received variants", "Received: from [⟦ipv4:203.0.113.7⟧] (port=52814 helo=[⟦ipv4:192.168.1.10⟧])\nReceived: from client.example.net (HELO client) (⟦ipv4:198.51.100.23⟧)\nAuthentication-Results: mx.example.com; spf=pass smtp.mailfrom=⟦email:jane.doe@example.com⟧; dkim=pass header.i=@example.com"},

	// Stack traces.
	{"trace", "java", "Exception in thread \"main\" java.lang.IllegalStateException: no account for ⟦email:jane.doe@example.com⟧ (card ⟦credit_card:4242424242424242⟧)\n\tat com.example.billing.Charge.run(Charge.java:42)\n\tat com.example.Main.main(Main.java:17)"},
	{"trace", "java caused by", "Caused by: java.net.ConnectException: Connection refused: /⟦ipv4:10.0.8.12⟧:5432\n\tat java.base/sun.nio.ch.Net.connect0(Native Method)"},
	{"trace", "python", "Traceback (most recent call last):\n  File \"/app/billing.py\", line 88, in charge\n    raise ValueError(f\"invalid IBAN {iban}\")\nValueError: invalid IBAN ⟦iban:DE89370400440532013000⟧ for ⟦email:m.mueller@beispiel.de⟧"},
	{"trace", "python repr", "KeyError: 'no user with phone ⟦phone:+44 20 7946 0958⟧'"},
	{"trace", "go panic", "panic: dial tcp ⟦ipv4:203.0.113.7⟧:443: i/o timeout\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/app/main.go:27 +0x1d4\nexit status 2"},
	{"trace", "go error chain", `level=error err="send receipt: smtp: 550 5.1.1 <⟦email:carlos.garcia@empresa.es⟧>: recipient rejected"`},
	{"trace", "go ipv6", "panic: dial tcp [⟦ipv6:2001:db8::1⟧]:443: connect: connection refused"},
	{"trace", "python requests", "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='⟦ipv4:203.0.113.7⟧', port=443): Max retries exceeded"},
	{"trace", "python locals", "    user = User(email='⟦email:jane.doe@example.com⟧', ssn='⟦us_ssn:536-22-1807⟧')\nAssertionError: '⟦email:pierre.dupont@exemple.fr⟧' != '⟦email:m.mueller@beispiel.de⟧'"},
	{"trace", "psycopg", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"⟦ipv4:10.0.8.12⟧\", port 5432 failed: postgresql://⟦secret:app:pa55w0rd⟧@⟦ipv4:10.0.184.12⟧:5432/app"},
	{"trace", "postgres detail", "DETAIL:  Key (email)=(⟦email:jane.doe@example.com⟧) already exists.\nDETAIL:  Key (phone)=(⟦phone:+44 20 7946 0958⟧) already exists.\nDETAIL:  Key (card)=(⟦credit_card:4242424242424242⟧) already exists."},
	{"trace", "go tls", "http: TLS handshake error from [⟦ipv6:2001:db8::2:1⟧]:52814: EOF\nGet \"https://⟦secret:admin:s3cr3t⟧@api.example.com/v1\": dial tcp: lookup api.example.com on ⟦ipv4:10.0.0.2⟧:53: no such host"},

	// YAML and TOML configuration.
	{"yaml", "config", "database:\n  host: ⟦ipv4:10.0.8.12⟧\n  user: app\n  password: ⟦secret:s3cr3t-db-pw⟧\nsmtp:\n  from: ⟦email:support@example.com⟧\n  api_key: \"⟦secret:k9Zx81Qw7Lm3⟧\""},
	{"yaml", "list", "admins:\n  - ⟦email:jane.doe@example.com⟧\n  - ⟦email:m.mueller@beispiel.de⟧\nallow:\n  - ⟦ipv4:203.0.113.0⟧\n  - ⟦ipv6:2001:db8::1⟧"},
	{"toml", "config", "[database]\nhost = \"⟦ipv4:10.0.8.12⟧\"\npassword = \"⟦secret:s3cr3t-db-pw⟧\"\n\n[stripe]\napi_key = \"⟦secret:sk_test_4eC39HqLyjWDarjtT1zdp7dc⟧\"\nowner = \"⟦email:jane.doe@example.com⟧\""},
	{"toml", "secret single quotes", "client_secret = '⟦secret:GOCSPX-abc123def⟧'\nsupport_phone = \"⟦phone:+44 20 7946 0958⟧\""},
	{"yaml", "people", "  - name: jane\n    email: ⟦email:jane.doe@example.com⟧\n    phone: ⟦phone:+44 20 7946 0958⟧ # mobile\n    ssn: ⟦us_ssn:536-22-1807⟧\n    ip: ⟦ipv4:203.0.113.7⟧/32\n    hosts: [⟦ipv4:198.51.100.23⟧, ⟦ipv4:192.0.2.44⟧]"},
	{"yaml", "secrets", "  password: '⟦secret:s3cr3t-db-pw⟧'\n  client-secret: ⟦secret:GOCSPX-abc123def⟧\n  apiKey: ⟦secret:Zx81Qw7Lm3pQ⟧\n  smtp_password: \"⟦secret:P@ss: w0rd#1⟧\""},
	{"toml", "comments and arrays", "api_key = \"⟦secret:k9Zx81Qw7Lm3⟧\" # rotated\n[servers.alpha]\nip = \"⟦ipv4:10.0.0.1⟧\"\nadmins = [\"⟦email:jane.doe@example.com⟧\", \"⟦email:m.mueller@beispiel.de⟧\"]"},

	// .env files.
	{"env", "dotenv", "DB_HOST=⟦ipv4:10.0.8.12⟧\nDB_PASSWORD=⟦secret:s3cr3t-db-pw⟧\nexport TOKEN=⟦secret:0a1b2c3d4e5f⟧\nADMIN_EMAIL=⟦email:jane.doe@example.com⟧\nAWS_ACCESS_KEY_ID=⟦secret:AKIAIOSFODNN7EXAMPLE⟧\nAWS_SECRET_ACCESS_KEY=⟦secret:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY⟧"},
	{"env", "quoted", "SMTP_PASSWORD=\"⟦secret:correct horse battery⟧\"\nGITHUB_TOKEN=⟦secret:ghp_16C7e42F292c6912E7710c838347Ae178B4a⟧\nDATABASE_URL=postgres://⟦secret:app:pa55w0rd⟧@db.example.com:5432/app"},
	{"env", "vendor tokens and URLs", "export STRIPE_SECRET=⟦secret:sk_live_4eC39HqLyjWDarjtT1zdp7dc⟧\r\nSLACK_BOT_TOKEN=⟦secret:xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx⟧\r\nREDIS_URL=redis://⟦secret::s3cr3tpw⟧@⟦ipv4:10.0.8.12⟧:6379/0\r\nMONGO_URI=mongodb+srv://⟦secret:app:pa55w0rd⟧@cluster0.example.mongodb.net/db\r\nJWT_SECRET=⟦secret:s3cr3t-jwt-key⟧\r\nMYSQL_ROOT_PASSWORD=⟦secret:r00t-pw-42⟧\r\nOPENAI_API_KEY=⟦secret:sk-proj-abcdefghijklmnopqrstuvwxyz012345⟧"},

	// Shell history.
	{"shell", "curl bearer", `curl -s -H "Authorization: Bearer ⟦secret:8f14e45fceea167a5a36dedd4bea2543⟧" https://api.example.com/v1/me`},
	{"shell", "curl url creds", `curl https://⟦secret:admin:s3cr3t⟧@db.example.com/backup -o dump.sql`},
	{"shell", "ssh", `ssh -i ~/.ssh/id_ed25519 deploy@⟦ipv4:203.0.113.7⟧ -p 2222`},
	{"shell", "flags", `./migrate --db-password=⟦secret:s3cr3t-db-pw⟧ --notify=⟦email:jane.doe@example.com⟧`},
	{"shell", "more commands", "docker run -e DB_PASSWORD=⟦secret:s3cr3t-db-pw⟧ -e ADMIN_EMAIL=⟦email:jane.doe@example.com⟧ app\nkubectl create secret generic db --from-literal=password=⟦secret:k8s-pw-77⟧\ngit clone https://⟦secret:jane:ghp_16C7e42F292c6912E7710c838347Ae178B4a⟧@github.com/acme/app.git\nwget --http-user=jane --http-password=⟦secret:wget-pw-99⟧ https://example.com/x"},
	{"shell", "history files", " 1043  export GITHUB_TOKEN=⟦secret:ghs_16C7e42F292c6912E7710c838347Ae178B4a⟧\n: 1709821325:0;export API_TOKEN=⟦secret:0a1b2c3d4e5f⟧\n 1044  scp dump.sql deploy@[⟦ipv6:2001:db8::1⟧]:/tmp/\n 1045  mysql -h ⟦ipv4:10.0.8.12⟧ -u app --password=⟦secret:my-sql-pw⟧ app"},
	{"shell", "curl bodies", `curl -d '{"email":"⟦email:jane.doe@example.com⟧","password":"⟦secret:hunter2xyz⟧"}' https://x && curl -d 'email=⟦email:m.mueller%40beispiel.de⟧&password=⟦secret:hunter3xyz⟧' --data-urlencode "phone=⟦phone:+44 20 7946 0958⟧" https://x`},

	// Markdown tables.
	{"markdown", "table", "| Name | E-Mail | Phone | IP |\n|---|---|---|---|\n| Jane Doe | ⟦email:jane.doe@example.com⟧ | ⟦phone:+44 20 7946 0958⟧ | ⟦ipv4:203.0.113.7⟧ |\n| Max Müller | ⟦email:m.mueller@beispiel.de⟧ | ⟦phone:+49 30 901820⟧ | ⟦ipv6:2001:db8::1⟧ |"},
	{"markdown", "code", "Steps:\n1. `curl -H 'X-Api-Key: ⟦secret:3f9a7c2e1b8d⟧' …`\n2. card **⟦credit_card:4242 4242 4242 4242⟧** was declined"},
	{"markdown", "tight table and links", "|⟦email:jane.doe@example.com⟧|⟦phone:+44 20 7946 0958⟧|⟦credit_card:4242 4242 4242 4242⟧|\n| ⟦ipv4:10.0.8.12⟧ | ⟦us_ssn:536-22-1807⟧ | ⟦iban:DE89 3704 0044 0532 0130 00⟧ |\n[Jane](mailto:⟦email:pierre.dupont@exemple.fr⟧) · [call](tel:⟦phone:+442079460958⟧) ~~⟦credit_card:5555555555554444⟧~~"},

	// HTML forms.
	{"html", "form", `<form method="post"><input type="email" name="email" value="⟦email:jane.doe@example.com⟧"><input type="tel" name="phone" value="⟦phone:+44 20 7946 0958⟧"><input name="iban" value="⟦iban:DE89 3704 0044 0532 0130 00⟧"></form>`},
	{"html", "more inputs", `<input name="card" value="⟦credit_card:4242 4242 4242 4242⟧" autocomplete="cc-number"><input name="ssn" value='⟦us_ssn:536-22-1807⟧'/><option value="⟦phone:+49 30 901820⟧" selected><div data-email="⟦email:carlos.garcia@empresa.es⟧" data-ip="⟦ipv4:203.0.113.7⟧"><!-- debug: token=⟦secret:0a1b2c3d4e5f⟧ -->`},
	{"html", "table", `<td>⟦email:jane.doe@example.com⟧</td><td>⟦phone:+44 20 7946 0958⟧</td><td>⟦ipv4:203.0.113.7⟧</td><img src="https://cdn.example.com/t.gif?e=⟦email:m.mueller%40beispiel.de⟧&ip=⟦ipv4:198.51.100.23⟧">`},

	// Chat transcripts.
	{"chat", "transcript", "[14:22] Jane Doe: hi, my card ⟦credit_card:4242 4242 4242 4242⟧ was charged twice\n[14:23] Agent Max: sorry! can you confirm your e-mail?\n[14:23] Jane Doe: ⟦email:jane.doe@example.com⟧, phone ⟦phone:+1 202 555 0143⟧"},
	{"chat", "slack export", `{"type":"message","user":"U024BE7LH","text":"my SSN is ⟦us_ssn:536-22-1807⟧ and IBAN ⟦iban:GB29 NWBK 6016 1331 9268 19⟧","ts":"1709821325.000200"}`},
	{"chat", "irc", "2026-03-07 14:22:05 <jdoe> ping me at ⟦email:jdoe@example.org⟧ or ⟦phone:(202) 555-0143⟧"},
	{"chat", "whatsapp export", "07/03/2026, 14:22 - Jane Doe: ⟦phone:+34 612 34 56 78⟧\n07/03/2026, 14:23 - Jane Doe: ⟦phone:06 12 34 56 78⟧\nJane Doe 2:22 PM: ⟦email:jane.doe@example.com⟧\n(14:24) Jane: ⟦us_ssn:536-22-1807⟧\n[14:25:05] Agent: IBAN ⟦iban:DE89370400440532013000⟧, thanks"},
	{"chat", "us formats", "Jane: call me at ⟦phone:202.555.0143⟧ or ⟦phone:202 555 0143⟧ or ⟦phone:+1 202 555 0143 ext. 12⟧\n14:22 <jdoe> ⟦credit_card:4242 4242 4242 4242⟧ exp 12/28"},

	// Tickets in German, French, Spanish and Japanese.
	{"ticket", "German", "Sehr geehrte Damen und Herren,\nbitte überweisen Sie die Erstattung auf ⟦iban:DE89 3704 0044 0532 0130 00⟧. Sie erreichen mich unter ⟦phone:+49 30 901820⟧ oder ⟦email:m.mueller@beispiel.de⟧.\nMit freundlichen Grüßen"},
	{"ticket", "French", "Bonjour, mon numéro est le ⟦phone:+33 1 23 45 67 89⟧ et mon courriel ⟦email:élodie.martin@example.fr⟧. IBAN : ⟦iban:FR14 2004 1010 0505 0001 3M02 606⟧."},
	{"ticket", "French no-break", "Téléphone\u00a0: ⟦phone:+33 1 23 45 67 89⟧\u00a0; e-mail\u00a0: ⟦email:pierre.dupont@exemple.fr⟧\u00a0!"},
	{"ticket", "Spanish", "Hola, mi correo es ⟦email:carlos.garcia@empresa.es⟧ y mi teléfono ⟦phone:+34 912 345 678⟧. La tarjeta ⟦credit_card:4242 4242 4242 4242⟧ fue rechazada."},
	{"ticket", "Spanish IBAN", "¿Pueden devolver el importe a ⟦iban:ES91 2100 0418 4502 0005 1332⟧? ¡Gracias!"},
	{"ticket", "Japanese", "お世話になっております。連絡先は⟦email:yamada.taro@example.jp⟧までお願いします。電話番号は⟦phone:+81 3-1234-5678⟧です。"},
	{"ticket", "Japanese full-width colon", "メール：⟦email:yamada.taro@example.jp⟧、IP：⟦ipv4:203.0.113.7⟧、カード：⟦credit_card:4242424242424242⟧"},
}

// Left out of logFormatRecords because the package documentation (doc.go)
// puts them out of scope; each was probed, and none is found:
//
//   - Escapes that replace a value's own bytes: JSON's
//     "jane.doe\u0040example.com" and HTML's "jane.doe&#64;example.com"
//     (only "%40" in a query string is documented), "+44&nbsp;20...".
//   - Full-width digits ("＋４９ ３０ ９０１８２０", "０３－１２３４－５６７８",
//     "４２４２…"): the anchors are ASCII digits.
//   - No-break spaces inside a number ("+33\u00a01\u00a023…",
//     "4242\u00a04242…", U+202F): only those around a value are covered.
//   - URL-encoded phone numbers, IBANs, cards and IPv6 addresses
//     ("phone=%2B44%2020%207946%200958", "+44+20+7946+0958",
//     "DE89+3704+…", "card=4242+4242+…", "2001%3Adb8%3A%3A1").
//   - Credentials in command-line arguments without a credential key:
//     "curl -u admin:S3cr3tPw", "docker login -p …", "mysql -pS3cr3t",
//     "aws configure set aws_secret_access_key …", "ALTER USER … PASSWORD '…'".
//   - Keys whose last word names no credential: "PGPASSWORD" (one word),
//     "DB_PASS", "SMTP_PASS", "ENCRYPTION_KEY", "CREDENTIALS",
//     "secret_key_base", "password2", an AWS "Signature=", and HTML's
//     name="password" value="…", whose key is "value".
//   - Authorization schemes other than Bearer and Basic
//     ("Authorization: ApiKey …", "Digest … response=…").
//   - A number after a phone label and more than one filler word ("my
//     phone number is 612 345 678", "Mi teléfono es 612 345 678"), and a
//     '+' number in markdown italics ("_+44 20 7946 0958_"; see
//     contextException).

// logFormatFields are field positions in the formats of logFormatRecords:
// the text before and after a value, under a key that names
// no kind and no credential, so that every corpus value keeps its kind.
var logFormatFields = []struct{ name, before, after string }{
	{"JSON nested", `{"ts":"2026-03-07T14:22:05Z","ctx":{"note":"`, `","n":1},"tags":["a"]}`},
	{"JSON array", `{"level":"info","values":["x", "`, `", "y"]}`},
	{"JSON escaped quotes", `{"msg":"got \"`, `\" from client"}`},
	{"logfmt bare", `time=2026-03-07T14:22:05Z level=info note=`, ` dur=12ms`},
	{"logfmt quoted", `level=warn msg="value `, ` rejected" attempt=2`},
	{"syslog SD param", `<165>1 2026-03-07T14:22:05.003Z host app 42 ID47 [ex@32473 note="`, `" seq="7"] done`},
	{"syslog message", `<34>1 2026-03-07T14:22:05.003Z host app 42 - - lookup for `, ` failed`},
	{"CSV bare", `10234,"Doe, Jane",`, `,2026-11-23,active`},
	{"CSV quoted", `10234,"Doe, Jane","`, `","Hauptstr. 5, Berlin"`},
	{"TSV", "10234\tJane Doe\t", "\t2026-11-23"},
	{"SQL VALUES", `INSERT INTO t (id, note, created) VALUES (7, '`, `', '2026-11-23');`},
	{"YAML list item", "notes:\n  - ", "\n  - other"},
	{"TOML string", "[contact]\nnote = \"", "\"\n"},
	{"Markdown cell", "| id | note |\n|---|---|\n| 7 | ", " |"},
	{"HTML value", `<input type="text" name="note" value="`, `">`},
	{"chat line", "[14:22:05] Jane Doe: ", "\n[14:23:10] Agent: thanks"},
	{"stack trace", "java.lang.IllegalStateException: bad input ", "\n\tat com.example.App.run(App.java:42)"},
	{"ticket German", "Hallo, hier ist der Wert ", ". Mit freundlichen Grüßen"},
	{"ticket Japanese", "お世話になっております。値は ", " です。"},
}

// TestLogFormats checks every record of logFormatRecords: each marked
// value is found as its kind exactly at its span, and its bytes do not
// survive Redact.
func TestLogFormats(t *testing.T) {
	r := redact.Default()
	values := 0
	for _, rec := range logFormatRecords {
		t.Run(rec.format+"/"+rec.name, func(t *testing.T) {
			text, want, err := parseHoldoutMarkup(rec.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 {
				t.Fatal("record marks no value")
			}
			values += len(want)
			checkLogRecord(t, r, text, want)
		})
	}
	t.Logf("%d records, %d values", len(logFormatRecords), values)
}

// checkLogRecord checks that Find reports every match of want (kind and
// span) in text and that no wanted value survives Redact.
func checkLogRecord(t *testing.T, r *redact.Redactor, text string, want []redact.Match) {
	t.Helper()
	ms := r.Find(text)
	checkMatches(t, "Find", text, ms)
	got := map[redact.Match]bool{}
	for _, m := range ms {
		got[m] = true
	}
	red := r.Redact(text)
	for _, w := range want {
		v := text[w.Start:w.End]
		if !got[w] {
			t.Errorf("Find(%q) = %q, want %s %q", text, found(r, text), w.Kind, v)
		}
		if strings.Contains(red, v) {
			t.Errorf("Redact(%q) = %q keeps %q", text, red, v)
		}
	}
}

// TestLogFormatFields puts every corpus value that Default finds on its
// own in each of logFormatFields and checks it as TestLogFormats does.
func TestLogFormatFields(t *testing.T) {
	r := redact.Default()
	vs := standaloneValues(t)
	for _, f := range logFormatFields {
		t.Run(f.name, func(t *testing.T) {
			for v, kind := range vs {
				text := f.before + v + f.after
				want := []redact.Match{{Kind: kind, Start: len(f.before), End: len(f.before) + len(v)}}
				checkLogRecord(t, r, text, want)
			}
		})
	}
}
