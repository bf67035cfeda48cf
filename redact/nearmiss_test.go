package redact_test

import (
	"bytes"
	"testing"

	"github.com/slakit/slakit/redact"
)

// Near misses of the rules for escape sequences, curl's -u, phone labels
// with filler words and German compounds, vendor tokens, cookie headers
// and prose answers, CSV fields, dashed numbers after a short group, and
// the end of phone numbers before times and amounts: text on either side
// of each rule's line.

// nearMissNotFound holds look-alikes that must not be found at all.
var nearMissNotFound = [][]string{
	// -u of tools other than curl, with no user:password.
	{
		"ps -u root",
		"useradd -u 1001 bob",
		"sort -u file.txt",
		"docker run -u 1000:1000 alpine",
		"docker run --user 1000:1000 alpine",
		"docker run --user=1000:1000 img",
		"docker run -u 0:0 img",
		"chown -u",
		"sudo -u postgres psql",
		"kubectl exec -it pod -- su -u postgres",
		"git diff -u a b",
		"top -u nginx",
		"crontab -u alice -e",
		"mysql -u root -p",
		"pgrep -u root,daemon sshd",
		"setfacl -m u:alice:rwx file",
		"run --user-agent foo:bar",
		"rsync -e ssh --usermap=alice:bob src dst",
		"mount -o uid=1000,gid=1000 -u",
		"x-u admin:s3cr3t",
		"curl -u admin: https://x",
		"curl -u :token https://x",
	},
	// Backslashes that are no JSON escape before a value: Windows paths,
	// regexes, LaTeX, printf formats, logs with literal "\n".
	{
		`C:\new\temp\2024 report.docx`,
		`C:\new\temp\612 345 678.txt`,
		`C:\Users\bob\new\1234567890.log`,
		`C:\data\new\192.168.1.10_backup`,
		`C:\users\dead\1234`,
		`C:\new\token=abc123`,
		`regex \d+\n\d{3}-\d{2}-\d{4}`,
		`pattern "\t\d{3} \d{3} \d{4}\n"`,
		`\newline 612 345 678`,
		`\textbf{4242}`,
		`printf("%d\n", 4242);`,
		`printf("id=%s\tphone=%s\n", id, phone);`,
		`log: line1\nline2\n2026-12-04 10:30:00 user 1234567`,
		`\u00a0123456789`,
		`"\\u0041BC 612 345 678"`,
		`"\n\n\n\n\n\n"`,
		`"\u"`,
		`"\u12"`,
		`"\u123"`,
		`"ab\"`,
	},
	// Signed amounts, dates and file names after an escape.
	{
		`"amount\n+86400.123456789"`,
		`"note\n+1.50000000 BTC"`,
		`"total\t+12 345 678,90"`,
		`"a\n2024-03-07 12345678"`,
		`"price\u00a0+10 000 000 ₽"`,
		`"Rp\u00a0+15.000.000"`,
		`"m=\n+86400.123456789"`,
		`"x\nuser@1000.service"`,
	},
	// Escaped JSON keys with no secret after them.
	{
		`{\"password\":\"\"}`,
		`{\"password\":null}`,
		`{\"password\":true}`,
		`{\"password_hint\":\"dog name\"}`,
		`{\"passwordPolicy\":\"strict\"}`,
		`{\"msg\":\"password reset\"}`,
	},
	// Phone words with filler words that label no number, and German
	// words that only begin or contain a label.
	{
		"phone is down 612 345 678 users affected",
		"phone system is 612 345 678",
		"the phones is 612 345 678",
		"phone queue is 612 345 678",
		"cell count is 612 345 678",
		"Cell tower est 612 345 678",
		"sms queue is 612 345 678 messages",
		"SMS sent to 612 345 678 users",
		"The mobile app is 612 345 678 bytes",
		"the phone is order 612 345 678",
		"phone order is 612 345 678",
		"phone, is 612 345 678",
		"phone (is) 612 345 678",
		"phone. Order no is 612 345 678",
		"phone is 10 20 30",
		"Hotel is 612 345 678",
		"Telefonkosten 612 345 678",
		"Telefonnummern 612 345 678",
		"Rufnummernblock 612 345 678",
		"Handynummer ist nicht 612 345 678",
		"Kundennummer ist 030 12345678",
		"Kundennummer 0301234567",
		"Steuernummer ist 12 345 678 901",
		"Seriennummer ist 1234 5678 9012",
		"Bestellnummer ist 030 12345678",
		"Bestellung ist 0123-4567-89",
		"Tel. Bestellung 0123-4567-89",
	},
	// The -u of docker, sudo and ps names a user and group, not
	// credentials; vendor-like names with digits and capitals whose words
	// are joined by '-' (no run of ten letters and digits).
	{"docker run -u root:root alpine", "docker exec -u www-data:www-data web ls", "sudo -u deploy:deploy ls",
		"gunicorn -u www-data:www-data app:app", "ps -u root:wheel", "git checkout sk-Feature-Login2-Redirect",
		`class="sk-Button2-Primary-Large"`, "xoxp-2024-01-15-release-notes", "xoxb-v2-migration-plan-2024"},
	// Vendor prefixes without a generated-looking body or of the wrong
	// length.
	{
		"AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Qx",
		"ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8-extra",
		"ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8_x",
		"github_pat_example_token_name_v2",
		"xoxb-your-bot-token-here",
		"git checkout sk-fix-login-redirect",
		"sk_live_placeholder",
		"pk_live_A1b2C3d4E5f6G7h8I9j0K1l2",
	},
	// Cookie words and the answers after a credential key.
	{
		"cookie: none",
		"Cookie: accepted",
		"cookie consent: accepted",
		"The cookie: it was set to SID=abc but expired",
		"cookies: 3 set",
		"Cookie-Policy: strict=yes",
		"cookie=true",
		"password=none",
		"password=None",
		"password=NULL",
		"password=true&user=bob",
		"token=false",
		"secret=hidden",
		"password=reset",
		"password=Redacted",
		"password=empty",
		"api_key=enabled",
		"token=null;",
		"password: YES",
		"(using password: YES)",
	},
	// CSV fields and dashed groups after a short number that are no value.
	{
		"12,555-0143",
		"5,2024-03-07",
		"5,12-34-56",
		"5,078-05-1120",
		"qty 1,234-567",
		"1,234,567",
		"12,345-678",
		"Apt 3 555-0143",
		"12 34-56-78",
		"Ticket 12 2024-03-07",
		"size 12 123-456",
		"page 12 078-05-1120",
	},
	// Signed amounts.
	{
		"+1.50 USD",
		"+10.5 EUR",
		"+12.99",
		"+1 234.56",
		"balance +1500.00",
		"+4.2% growth",
		"delta +0.5",
		"+86400.123456789",
		"+15 000 EUR",
		"+1,500 USD",
		"USD +15000000",
	},
}

// nearMissFound holds inputs and every match they must give.
var nearMissFound = []struct {
	in   string
	want []string
}{
	// curl's -u and --user.
	{"curl -u admin:s3cr3t https://x", []string{"secret:admin:s3cr3t"}},
	{"curl --user admin:s3cr3t https://x", []string{"secret:admin:s3cr3t"}},
	{"curl --user=admin:s3cr3t https://x", []string{"secret:admin:s3cr3t"}},
	{`curl -u "admin:s3cr3t" https://x`, []string{"secret:admin:s3cr3t"}},
	{`curl -u 'admin:s3cr3t' https://x`, []string{"secret:admin:s3cr3t"}},
	{"curl -u admin:p@ss:word https://x", []string{"secret:admin:p@ss:word"}},
	{`sh -c "curl -u admin:s3cr3t x"`, []string{"secret:admin:s3cr3t"}},
	{`"curl -u admin:s3cr3t"`, []string{"secret:admin:s3cr3t"}},
	{"curl -u jane@example.com:s3cr3t https://x", []string{"secret:jane@example.com:s3cr3t"}},
	{`curl -u "admin:pa ss word" x`, []string{"secret:admin:pa ss word"}},
	{"wget --user=bob:pw1 https://x", []string{"secret:bob:pw1"}},

	// Found since the third audit: a phone number with a label or in
	// phone groups beside a currency, a number followed by another after
	// " / ", a NANP number followed by a small number, vendor tokens with
	// a dash after an escape, escaped quotes and line breaks in a JSON
	// string.
	{"phone: +1 202 555 0143 USD", []string{"phone:+1 202 555 0143"}},
	{"+44 20 7946 0958 GBP", []string{"phone:+44 20 7946 0958"}},
	{"Paid EUR +44 20 7946 0958", []string{"phone:+44 20 7946 0958"}},
	{"+1-202-555-0143 $5 fee", []string{"phone:+1-202-555-0143"}},
	{"+44 20 7946 0958 / 0959", []string{"phone:+44 20 7946 0958"}},
	{"call +1 202 555 0143 7 days a week", []string{"phone:+1 202 555 0143"}},
	{`"key\nsk-proj-A1b2C3d4E5f6G7h8I9j0K1l2"`, []string{"secret:sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2"}},
	{`"key\tglpat-A1b2C3d4E5f6G7h8I9j0"`, []string{"secret:glpat-A1b2C3d4E5f6G7h8I9j0"}},
	{`"Cookie: SID=abc123\r\nHost: x"`, []string{"secret:SID=abc123"}},
	{`"password: \"hunter2\""`, []string{"secret:hunter2"}},
	{`"password:\n  hunter2"`, []string{"secret:hunter2"}},
	{`{\"phone\":\"612 345 678\"}`, []string{"phone:612 345 678"}},
	{`{\"ssn\":\"536 22 1807\"}`, []string{"us_ssn:536 22 1807"}},
	{`{\"oid\":\"2.5.29.17\",\"order_no\":\"0123-4567-89\"}`, nil},

	// Values right after an escape sequence.
	{`"text\npassword=hunter2"`, []string{"secret:hunter2"}},
	{`"a\n4242 4242 4242 4242"`, []string{"credit_card:4242 4242 4242 4242"}},
	{`"card\n4242 4242 4242 4242"`, []string{"credit_card:4242 4242 4242 4242"}},
	{`"a\n+14155552671"`, []string{"phone:+14155552671"}},
	{`"a\u00a0+14155552671"`, []string{"phone:+14155552671"}},
	{`"a\tjane@example.com"`, []string{"email:jane@example.com"}},
	{`"a\n536-22-1807"`, []string{"us_ssn:536-22-1807"}},
	{`"a\n2001:db8::1"`, []string{"ipv6:2001:db8::1"}},
	{`"a\n::1"`, []string{"ipv6:::1"}},
	{`"Tel.:\n2001:db8::1"`, []string{"ipv6:2001:db8::1"}},
	{`"a\nhttps://user:pw@example.com"`, []string{"secret:user:pw"}},
	{`"ip\n10.0.0.1"`, []string{"ipv4:10.0.0.1"}},
	{`\uFEFF202-555-0143`, []string{"phone:202-555-0143"}},
	{`\uD83D\uDE00 202-555-0143`, []string{"phone:202-555-0143"}},
	{`"Tel.\n+44 20 7946 0958"`, []string{"phone:+44 20 7946 0958"}},
	{`"name\tphone\nJane\t+1 202-555-0143"`, []string{"phone:+1 202-555-0143"}},
	{`"Room\t12 202-555-0143"`, []string{"phone:202-555-0143"}},
	{`msg="failed\n\tat com.foo.Bar(Bar.java:42)\n\tat 203.0.113.7"`, []string{"ipv4:203.0.113.7"}},
	{`C:\temp\10.0.0.1`, []string{"ipv4:10.0.0.1"}},
	{`C:\tools\run\password=hunter2x`, []string{"secret:hunter2x"}},
	{`"key\nghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"`, []string{"secret:ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}},
	{`"key\nxoxb-1234567890-abcdefABCDEF"`, []string{"secret:xoxb-1234567890-abcdefABCDEF"}},

	// JSON inside a JSON string.
	{`{\"password\":\"s3cr3t\"}`, []string{"secret:s3cr3t"}},
	{`{\"password\": \"s3cr3t\"}`, []string{"secret:s3cr3t"}},
	{`{\"password\":s3cr3t}`, []string{"secret:s3cr3t"}},
	{`{\"password\":\"s3 cr3t\"}`, []string{"secret:s3 cr3t"}},
	{`{\"password\":\"pass,word\"}`, []string{"secret:pass,word"}},
	{`{\"token\":\"abc\",\"user\":\"bob\"}`, []string{"secret:abc"}},
	{`{\"api_key\":\"abc123\",\"email\":\"jane@example.com\"}`, []string{"secret:abc123", "email:jane@example.com"}},
	{`{\"client_secret\":\"abc\"}`, []string{"secret:abc"}},
	{`{\"cookie\":\"SID=abc123\"}`, []string{"secret:SID=abc123"}},
	{`{\"Authorization\":\"Bearer abc123def\"}`, []string{"secret:abc123def"}},
	{`{\"ip\":\"10.0.0.1\"}`, []string{"ipv4:10.0.0.1"}},

	// Phone labels with filler words and German compounds.
	{"the phone is 612 345 678", []string{"phone:612 345 678"}},
	{"My phone number is 612 345 678", []string{"phone:612 345 678"}},
	{"Mi teléfono es 612 345 678", []string{"phone:612 345 678"}},
	{"Meine Telefonnummer ist 030 12345678", []string{"phone:030 12345678"}},
	{"Telefonnummer 030 12345678", []string{"phone:030 12345678"}},
	{"Telefonnummer: 030 12345678", []string{"phone:030 12345678"}},
	{"Rufnummer: 0301234567", []string{"phone:0301234567"}},
	{"Handynummer 01701234567", []string{"phone:01701234567"}},
	{"Mobilnummer 0170 1234567", []string{"phone:0170 1234567"}},
	{"telefoonnummer 06 12345678", []string{"phone:06 12345678"}},
	{"Servicerufnummer 0800 1234567", []string{"phone:0800 1234567"}},
	{"Telefon-Nr. ist 030 12345678", []string{"phone:030 12345678"}},
	{"fax nr ist 030 12345678", []string{"phone:030 12345678"}},
	{"handy ist 0170 1234567", []string{"phone:0170 1234567"}},
	{"fax is 612 345 678", []string{"phone:612 345 678"}},
	{"cell est 612 345 678", []string{"phone:612 345 678"}},
	{"tel. è 612 345 678", []string{"phone:612 345 678"}},
	{"phone no is 612 345 678", []string{"phone:612 345 678"}},
	{"phone no. is 612 345 678", []string{"phone:612 345 678"}},
	{"phone is: 612 345 678", []string{"phone:612 345 678"}},
	{"phone number is +1 (202) 555-0143", []string{"phone:+1 (202) 555-0143"}},
	{"phone is 202-555-0143 10:30", []string{"phone:202-555-0143"}},
	{"Telefonnummer ist 030 12345678 2026-12-04", []string{"phone:030 12345678"}},
	{"phone is 078-05-1120", []string{"phone:078-05-1120"}},
	{"my SSN number is 536 22 1807", []string{"us_ssn:536 22 1807"}},

	// Vendor tokens.
	{"key sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2", []string{"secret:sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2"}},
	{"sk-ant-api03-A1b2C3d4E5f6G7h8I9j0K1l2", []string{"secret:sk-ant-api03-A1b2C3d4E5f6G7h8I9j0K1l2"}},
	{"https://x/?key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", []string{"secret:AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"}},
	{`"ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"`, []string{"secret:ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}},
	{"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", []string{"secret:xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"}},
	{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", []string{"secret:sk_live_4eC39HqLyjWDarjtT1zdp7dc"}},
	{"rk_live_51H8xyzABC123defGHI", []string{"secret:rk_live_51H8xyzABC123defGHI"}},
	{"github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", []string{"secret:github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"}},
	{"npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", []string{"secret:npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}},
	{"ghs_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8@github.com", []string{"secret:ghs_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}},

	// Cookie headers and values that are no prose answer.
	{"Cookie: SID=31d4d96e407aad42; lang=en-US", []string{"secret:SID=31d4d96e407aad42; lang=en-US"}},
	{"Set-Cookie: SID=31d4d96e407aad42; Path=/; Secure; HttpOnly", []string{"secret:SID=31d4d96e407aad42; Path=/; Secure; HttpOnly"}},
	{`curl -H "Cookie: SID=abc123" https://x`, []string{"secret:SID=abc123"}},
	{`curl -H 'Cookie: SID=abc123' -H 'Accept: */*' https://x`, []string{"secret:SID=abc123"}},
	{"Cookie: theme=dark", []string{"secret:theme=dark"}},
	{"password=yes123", []string{"secret:yes123"}},
	{"password=enabledX", []string{"secret:enabledX"}},
	{"password=true1", []string{"secret:true1"}},
	{`cookie="none"`, []string{"secret:none"}},
	{"password='none'", []string{"secret:none"}},

	// CSV fields after a short number and dashed numbers after a short
	// group.
	{"42,203.0.113.7", []string{"ipv4:203.0.113.7"}},
	{"7,536-22-1807", []string{"us_ssn:536-22-1807"}},
	{"+33 1 23 45 67 89,536-22-1807", []string{"phone:+33 1 23 45 67 89", "us_ssn:536-22-1807"}},
	{"1,2026-11-23,4111111111111111", []string{"credit_card:4111111111111111"}},
	{"5,202-555-0143", []string{"phone:202-555-0143"}},
	{"7,10.0.0.1-10.0.0.254", []string{"ipv4:10.0.0.1", "ipv4:10.0.0.254"}},
	{"Room 12 202-555-0143", []string{"phone:202-555-0143"}},
	{"Gate 4 202-555-0143", []string{"phone:202-555-0143"}},
	{"4241 202-555-0143", []string{"phone:202-555-0143"}},
	{"Suite 100 800-555-0199", []string{"phone:800-555-0199"}},

	// Phone numbers end before a time, a date or another number.
	{"+44 20 7946 0958 10:30", []string{"phone:+44 20 7946 0958"}},
	{"+44 20 7946 0958 2026-12-04", []string{"phone:+44 20 7946 0958"}},
	{"+44 20 7946 0958 12345", []string{"phone:+44 20 7946 0958"}},
	{"+14155552671 10:30", []string{"phone:+14155552671"}},
	{"+14155552671 12:00-13:00", []string{"phone:+14155552671"}},
	{"020 7946 0958 12345", []string{"phone:020 7946 0958"}},
	{"call +1 202 555 0143 24/7", []string{"phone:+1 202 555 0143"}},
	{"+4915112345678 12.03.2026", []string{"phone:+4915112345678"}},
	{"+1 202 555 0143 +1 202 555 0144", []string{"phone:+1 202 555 0143", "phone:+1 202 555 0144"}},
	{"+1 202-555-0143 x123", []string{"phone:+1 202-555-0143 x123"}},
	{"+44 20 7946 0958 ext 12", []string{"phone:+44 20 7946 0958 ext 12"}},
	{"+44 20 7946 0958 (mobile)", []string{"phone:+44 20 7946 0958"}},
	{"Hotline +49 180 5123456 (0,14 EUR/Min.)", []string{"phone:+49 180 5123456"}},
	{"Hotline: +49 1805 123456 (14 ct/min)", []string{"phone:+49 1805 123456"}},
	{"Kontakt: +49 30 1234567, EUR-Konto", []string{"phone:+49 30 1234567"}},
	{"+7 495 123 45 67", []string{"phone:+7 495 123 45 67"}},
	{"+1.7035555555", []string{"phone:+1.7035555555"}},
}

// TestNearMissesNotFound checks that nothing in nearMissNotFound is
// found, and that Find's matches are well formed on it.
func TestNearMissesNotFound(t *testing.T) {
	r := redact.Default()
	for _, group := range nearMissNotFound {
		for _, s := range group {
			expectFound(t, r, s, nil)
		}
	}
}

// TestNearMissesFound checks every case of nearMissFound: exactly the
// matches it lists, as kind and text.
func TestNearMissesFound(t *testing.T) {
	r := redact.Default()
	for _, c := range nearMissFound {
		expectFound(t, r, c.in, c.want)
	}
}

// TestNearMissesIdempotent checks, for every input of both tables and
// every operator, that redacting twice changes nothing more and that a
// Writer fed one byte at a time gives what Redact gives.
func TestNearMissesIdempotent(t *testing.T) {
	var inputs []string
	for _, group := range nearMissNotFound {
		inputs = append(inputs, group...)
	}
	for _, c := range nearMissFound {
		inputs = append(inputs, c.in)
	}
	for name, r := range adversarialRedactors(t) {
		for _, s := range inputs {
			once := r.Redact(s)
			if twice := r.Redact(once); twice != once {
				t.Errorf("%s: Redact(%q) = %q, again %q", name, s, once, twice)
			}
			var out bytes.Buffer
			w := r.Writer(&out)
			for i := range len(s) {
				if _, err := w.Write([]byte{s[i]}); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != once {
				t.Errorf("%s: Writer(%q) in 1-byte chunks = %q, Redact = %q", name, s, out.String(), once)
			}
		}
	}
}
