package redact_test

import (
	"testing"

	"github.com/slakit/slakit/redact"
)

// ruleLookAlikes probes the rules for where values end and begin: numbers that end
// before a time, date or number, values after a date, time or long number,
// signed amounts, cookie headers and one-word credential keys, vendor
// token prefixes, URL-encoded and markup-wrapped addresses, netmasks,
// section numbers and short-group IPv6 look-alikes. Every string here is
// no personal data or secret by the package doc's rules.
var ruleLookAlikes = []struct {
	group  string
	values []string
}{
	// Names that start like vendor tokens but are written, not generated
	// (no digit, or no capital, in the body): git branches, hosts, pods,
	// images, repositories, CSS classes, BCP 47 locale tags (RFC 5646),
	// and the placeholders of documentation.
	{"vendor-like", []string{
		"git checkout sk-fix-login-redirect-loop-on-safari", "ssh sk-production-db-replica-eu-west-1",
		"sk-production-database-01.example.com", "pod/sk-backend-api-7d9f8b6c5-x2x9z",
		"ghcr.io/acme/sk-inference-server-gpu:latest", "https://github.com/acme/sk-learn-contrib-extras-tabular",
		`class="sk-toolbar-button-primary-large"`, "lang=sk-SK-x-private-use-subtag-extension",
		"sk-3f2b1c9e-8d7a-4b6c-9e1f-0a2b3c4d5e6f",
		"xoxb-your-bot-token-here", "xoxb-not-a-real-token", "xoxp-placeholder-token",
		"glpat-your-personal-access-token", "github_pat_your_token_goes_here_please",
		"sk_live_placeholder", "sk_test_integration",
	}},
	// File names whose extension is no TLD (IANA root zone database).
	{"at-files-2", []string{
		"archive@2024.gz", "dump@prod.sql.gz", "db-backup@2024-03-07.sql.gz", "db@prod.sql",
		"report@final.bak", "app@1.2.3.jar", "setup@v2.exe", "data@local.db",
	}},
	// Consent flags and answers after a credential or cookie key.
	{"cookie-flags", []string{
		"cookie=true", "accept_cookie=yes", "third_party_cookie=blocked", "Cookie: enabled",
		"(using password: YES)", "password=none", "the cookie: it was stale",
	}},
	// Timezone offsets (RFC 3339 section 5.6, RFC 5322 section 3.3) and
	// short signed numbers next to dates, times and counters; '+' numbers
	// with fewer than 8 digits before a time; exponents and units glued
	// to the digits.
	{"plus-then-time", []string{
		"+1234567 12:00", "+05:30 2024-03-07", "+0530 2024-03-07 10:30", "+0100 12345678",
		"GMT+0100 12345678", "2024-03-07 10:30:45 +0000 12345678",
		"Thu, 07 Mar 2024 14:22:05 +0000 12345 67890", "+1 234 567 10:30", "+1 12:00:00",
		"+1 000 000 12:00", "+30 0.5 1.0", "+0.5 +1.5 +2.5", "+0000 20240307",
		"+1e10", "+12345678e3", "+12345678ms",
	}},
	// Unified diff hunk headers and git diffstat lines (GNU diffutils
	// manual, "Detailed Unified").
	{"diff", []string{
		"diff +12345 -6789", "@@ -1234,56 +1234,78 @@", "@@ -12345,6 +12345,7 @@ func main()",
		" 1 file changed, 12345678 insertions(+), 1234 deletions(-)",
	}},
	// Columns of numbers that start with 0 or are too short or too long
	// for a national number.
	{"zero-columns", []string{
		"0123 4567 12345", "0001 0002 0003 0004", "001 002 003 004 005", "0001 0002 0003",
		"0000 1234 5678", "0000 1234 5678 9012", "0012 3456 7890 1234", "00 11 22 33 44 55",
		"0 1 2 3 4 5 6 7 8 9", "0 12 345 6789 10", "0 0 0 0 0", "00123 45678 90123",
		"count 0 1234 5678 9012", "0010 2030 4050 6070", "12345 00123 4567",
	}},
	// Log lines with a timestamp, pid or counter before more numbers:
	// Android logcat (threadtime format), NANP-invalid numbers after a
	// time, SSNs the SSA voided or cannot issue after a time or a number,
	// spaced SSN shapes without a label.
	{"after-timestamp", []string{
		"2024-03-07 10:30:45 123-456-7890 GET /api",
		"03-07 10:30:45.123  1234  5678 I ActivityManager: Start proc",
		"03-07 10:30:45.123  2345  2345 D Foo: bar",
		"2024-03-07 10:30:45 0010 2030 4050", "12345 67890 12345", "rows 10000 0012 3456 789",
		"2024-03-07 536 22 1807", "12345 078-05-1120", "2024-03-07 987-65-4321",
		"10:30 219-09-9999", "12345 512 34 5678", "12:00:00 0 1234 5678", "12:00:00 00 1234 5678",
		"2024-03-07 10:30 0 0 0 0 0", "2024-03-07 10:30:45 00:00:05 0123 456",
		"2024-03-07,10:30:45,0123,4567,8901", "SIN 046 454 286",
	}},
	// Hex dumps as xxd, od and hexdump -C print them.
	{"hexdump", []string{
		"00000010: 0123 4567 89ab cdef  .#Eg....", "0000010 0123 4567 8901 2345 6789",
		"00000000  01 23 45 67 89 01 23 45  |.#Eg.#E|", "0000000 062564 020164 066040 071551",
		"0000020 0000 0000 0000 0000",
	}},
	// Output of Linux tools: /proc/stat, vmstat, ps aux, df, ls -l, the
	// JVM's unified GC log (JEP 158) and tcpdump.
	{"tool-output", []string{
		"cpu  2255 34 2290 22625563 6290 127 456 0 0 0",
		" 1  0      0 1234567 123456 2345678    0    0     1     3   12   34  1  0 99  0  0",
		"root         1  0.0  0.1 169364 13172 ?        Ss   Mar07   0:12 /sbin/init",
		"/dev/sda1       102687672  45678912  51752344  47% /",
		"-rw-r--r-- 1 root root 12345 Mar  7 10:30 file",
		"[2024-03-07T10:30:45.123+0000][info][gc] GC(12) Pause Young 123M->45M(256M) 3.456ms",
		"10:30:45.123456 IP 10.0.0.1.443 > 10.0.0.2.51234: Flags [P.], seq 1:100, ack 1, win 501, length 99",
	}},
	// Signed amounts: a decimal, thousands with a decimal comma (also
	// with dots or a space after the sign), a currency sign or ISO 4217
	// code before or after, and signed ISO 8601 dates in other forms
	// (expanded years, week and ordinal dates, ISO 8601-1 section 4.3.2).
	// "+12345678,90" without a currency stays a number and its field: a
	// CSV row "+14155552671,42" has the same shape.
	{"plus-amounts-2", []string{
		"+1.234,56 €", "+12.345.678,90", "+12.345.678,90 EUR", "+12 345 678,900", "+ 12 345 678,90",
		"+12345678,50 EUR", "€ +12 345 678", "€+12345678", "EUR +12 345 678",
		"+12345678 EUR", "+12345678 eur", "+12345678€", "+12345678 €", "+12345678 $", "$+12345678",
		"US$ +12345678", "+12 345 678 USD", "+12 345 678 Kč", "+12 345 678 CHF", "+12 345 678 SEK",
		"+12 345 678 kr.", "+12 345 678 ₹", "+12 345 678 GBP", "+12345678 BTC", "+12345678.5",
		"+12345678.50", "+1.70355555551", "+86400.123456789", "(+12 345 678,90)", "+12 345 678,90€",
		"+12345678.90€", "balance: +1234567890 EUR", "+1,234,567,890", "+12'345'678",
		"+12'345'678.90", "+12 345 678,90", "+12 345 678.90 USD", "+1 234 567 890 EUR 12:00",
		"+2024-03-07T10:30:45Z", "+002024-03-07", "+2024-03", "+2024-W10-4", "+2024-067",
		"+2024-03-07 10:30", "+2024/03/07", "+07.03.2024", "+07/03/2024",
	}},
	// Keys that only begin with a one-word credential key or end in
	// another word, prose after Cookie labels, and answers after them.
	{"cookie-words", []string{
		"Cookie: please clear your cookies", "cookie: chocolate chip", "Cookies: none",
		"Cookie consent: accepted", "Set-Cookie header missing", "the cookie: is too large",
		"cookie_consent=true", "cookieConsent=accepted", "cookie_name=sessionid",
		"cookie_domain=.example.com", "cookie_path=/", "cookie_max_age=3600", "cookie_secure=true",
		"cookie_samesite=Lax", "cookie_expires=2024-03-07", "X-Cookie-Count: 3",
		"Cookie: (empty)", "cookie: see attached", "Cookie: blocked by browser",
		"csrftoken_name=csrf", "sessionid_length=32", "session_id_length=32", "csrftokenlength=32",
		"session_count=12", "sessionid: none", "sessions=12", "Session ID: 4f3a2b",
		"lastSessionIdleTimeout=30", "sessionIdleTimeout=30",
	}},
	// Vendor prefixes inside words, after '-', with a body of the wrong
	// length or characters (GitHub: 36 after ghp_; npm: 36; Google: 35
	// after AIza), placeholders with '_' in them, Stripe's publishable
	// keys (https://docs.stripe.com/keys) and words that only end in
	// "sk-" or begin with "xoxo-", "npm_config_" and "AIza".
	{"vendor-like", []string{
		"desk-abcdefghijklmnopqrstuvwxyz", "task-abcdefghijklmnopqrstuvwxyz",
		"my-task-runner-for-nightly-builds-sk-abcdefghijklmnopqrstuvwxyz",
		"pip install scikit-learn-intelex-2024", "mask-abcdefghijklmnopqrstuvwxyz",
		"risk-assessment-for-production-release", "kiosk-mode-configuration-for-lobby",
		"whisk-cli-plugin-manager-for-openwhisk", "tsk-abcdefghijklmnopqrstuvwxyz",
		"SK-1234-fix-login-redirect-loop-on-safari", "sk-SK/translations/checkout-page.json",
		"https://example.com/sk-sk/produkty/notebooky-a-tablety", `"sk-SK": "Slovenčina (Slovensko)"`, "sk-",
		"npm_config_registry_https_example_org", "npm_config_cache_folder_for_ci_builds12",
		"npm_package_dependencies_lodash_version", "npm_lifecycle_event_postinstall_script1",
		"npm_config_user_agent_npm_10_2_4_node_v20", "npm_config_loglevel_warn_silent_verbose",
		"npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567890",
		"AIzawhatever", "AIzaSyBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AIzaSyA1234567890abcdefghijklmnopqrstu",
		"xoxo-gossip-girl-spotted", "xoxb-abc.def.ghijklmnop",
		"ghp_your_token_here", "gh_pat_abc", "sk_test_your_key_here", "rk_live_replace_me",
		"sk_test_environment_variables", "sk_live_dashboard", "sk_live_mode_enabled",
		"pk_live_abcdefghijklmnopqrstuvwxyz", "pk_test_TYooMQauvdEDq54NiTphI7jx",
	}},
	// '%40' that is no encoded address: a percentage, CSS, Medium and npm
	// scoped package paths (RFC 3986 section 2.1 percent-encoding), and
	// '@' before a file extension or systemd unit type (systemd.unit(5)).
	{"encoded-at", []string{
		"%40example.com", "user%40", "100%40 example.com", "discount 100%40example", "ratio=50%40%",
		"width:100%40px", "https://example.com/%40user/status/123",
		"https://medium.com/%40jane.doe/my-post-1234", "https://www.npmjs.com/package/%40types%2Fnode",
		"/npm/%40babel%2fcore/-/core-7.24.0.tgz", "https://registry.npmjs.org/%40types%2Fnode",
	}},
	{"at-units", []string{
		"user@1000.mount", "foo@bar.target", "foo@bar.timer", "foo@bar.path", "foo@bar.swap",
		"foo@bar.device", "foo@bar.automount", "foo@bar.slice", "user@mail.service",
		`systemd-cryptsetup@luks\x2d1234.service`, "dbus-:1.2-org.freedesktop@0.service",
		"icon@2x.webp", "icon@2x.svg", "icon@3x.jpeg", "report@host.csv", "backup@server.tar",
		"config@prod.json", "config@prod.ini", "config@prod.toml", "config@prod.conf",
		"ファイルlogo@2x.pngを送ります", "jane@example.com_backup",
	}},
	// Netmasks (RFC 950, RFC 4632 section 3.1), the unspecified and
	// limited broadcast addresses (RFC 1122 section 3.2.1.3, RFC 919)
	// with ports, and section numbers.
	{"ipv4-not-hosts", []string{
		"255.255.255.254", "255.255.255.128", "0.0.0.0:8080", "255.255.255.255:67",
		"listen 0.0.0.0:443", "255.255.255.255", "Section 10.1.2.3", "sec. 1.2.3.4", "clause 5.1.2.3",
		"chapter 12.3.4.5", "see section 192.168.1.1 for details", "appendix 10.0.0.1",
	}},
	// Eight colon-separated groups of at most two hex digits: EUI-64 and
	// counters (RFC 7042 section 2.2), and the unspecified address
	// written out (RFC 4291 section 2.5.2).
	{"ipv6-short-groups", []string{
		"0:0:0:0:0:0:0:0", "fe:80:0:0:0:0:0:1", "ff:02:0:0:0:0:0:1", "10:20:30:40:50:60:70:88",
		"a:b:c:d:e:f:0:1", "12:34:56:78:90:ab:cd:ef",
	}},
}

// TestRuleTruePositives checks values next to the look-alikes of
// ruleLookAlikes that must still be found, each as its kind and text.
func TestRuleTruePositives(t *testing.T) {
	r := redact.Default()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		// A number ends before a time, date or number that cannot
		// continue it.
		{"+14155552671 10:30", []string{"phone:+14155552671"}},
		{"020 7946 0958 12345", []string{"phone:020 7946 0958"}},
		{"+44 20 7946 0958 10:30", []string{"phone:+44 20 7946 0958"}},
		{"Tel: 020 7946 0958 12345", []string{"phone:020 7946 0958"}},
		{"0800 123 456 2024-03-07", []string{"phone:0800 123 456"}},
		{"+1.7035555555 10:30", []string{"phone:+1.7035555555"}},
		{"+1 212 555 0143 2025550143", []string{"phone:+1 212 555 0143"}},
		{"2024-03-07 10:30:45 user=bob phone=+14155552671 12:00", []string{"phone:+14155552671"}},
		{"+12345678 +23456789", []string{"phone:+12345678", "phone:+23456789"}},
		// A value after a date, a time or a long number and a space.
		{"10:30 202-555-0187", []string{"phone:202-555-0187"}},
		{"2024-03-07 10:30:45 202-555-0187 GET /api", []string{"phone:202-555-0187"}},
		{"2024-03-07T10:30:45Z 202-555-0143", []string{"phone:202-555-0143"}},
		{"14:22:05 (202) 555-0143", []string{"phone:(202) 555-0143"}},
		{"10:30:45 212 555 0143 took", []string{"phone:212 555 0143"}},
		{"2024-03-07 212.555.0143", []string{"phone:212.555.0143"}},
		{"IL 62704 217-555-0143", []string{"phone:217-555-0143"}},
		{"62704 217-555-0143 ext 12", []string{"phone:217-555-0143 ext 12"}},
		{"1709821325 020 7946 0958", []string{"phone:020 7946 0958"}},
		{"v1.2.3 212-555-0143", []string{"phone:212-555-0143"}},
		{"2024-03-07 10:30:45 +1 202-555-0143 called", []string{"phone:+1 202-555-0143"}},
		{"1709821325 +14155552671", []string{"phone:+14155552671"}},
		{"apt 4 (202) 555-0143", []string{"phone:(202) 555-0143"}},
		{"123-00-4567 536-22-1807", []string{"us_ssn:536-22-1807"}},
		{"12345 536-22-1807", []string{"us_ssn:536-22-1807"}},
		{"12:00 536-22-1807", []string{"us_ssn:536-22-1807"}},
		{"SSN 536-22-1807 10:30", []string{"us_ssn:536-22-1807"}},
		// '+' numbers next to amounts that are none.
		{"+44.2079460958", []string{"phone:+44.2079460958"}},
		{"+1.7035555555", []string{"phone:+1.7035555555"}},
		{"+1 234 567 890 12:34:56 EUR", []string{"phone:+1 234 567 890"}},
		// A credential's value that a card, IBAN or phone number reads
		// past its first space; Cookie headers; one-word keys.
		{"password=4242 4242 4242 4242", []string{"secret:4242 4242 4242 4242"}},
		{"password=4242 4242 4242 4242 user=bob", []string{"secret:4242 4242 4242 4242"}},
		{"token=DE89 3704 0044 0532 0130 00", []string{"secret:DE89 3704 0044 0532 0130 00"}},
		{"secret=+44 20 7946 0958 expires", []string{"secret:+44 20 7946 0958"}},
		{"password=202 555 0143 is my number", []string{"secret:202 555 0143"}},
		{"token=12345 202-555-0143", []string{"secret:12345", "phone:202-555-0143"}},
		{"password=hunter2 4242 4242 4242 4242", []string{"secret:hunter2", "credit_card:4242 4242 4242 4242"}},
		{"Cookie: SID=31d4d96e407aad42; lang=en-US", []string{"secret:SID=31d4d96e407aad42; lang=en-US"}},
		{"Set-Cookie: SID=31d4d96e407aad42; Path=/; Secure; HttpOnly", []string{"secret:SID=31d4d96e407aad42; Path=/; Secure; HttpOnly"}},
		{"Cookie:SID=abc123", []string{"secret:SID=abc123"}},
		{`"Cookie": "SID=abc123; lang=en"`, []string{"secret:SID=abc123; lang=en"}},
		{"csrftoken=abc123def456", []string{"secret:abc123def456"}},
		{"csrftoken: abc123DEF456", []string{"secret:abc123DEF456"}},
		{"X-CSRFToken: abc123DEF456", []string{"secret:abc123DEF456"}},
		{"sessionid=abc; csrftoken=def", []string{"secret:abc", "secret:def"}},
		{"accesstoken=aaa", []string{"secret:aaa"}},
		{"clientsecret=bbb", []string{"secret:bbb"}},
		{"clientSecret=s3cr3t-v4lue", []string{"secret:s3cr3t-v4lue"}},
		{"cookie=abc123def456", []string{"secret:abc123def456"}},
		{"session_id=12345", []string{"secret:12345"}},
		// Vendor tokens in the formats their issuers document.
		{"Authorization: token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", []string{"secret:ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"export GITHUB_TOKEN=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", []string{"secret:ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"(ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789)", []string{"secret:ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789,next", []string{"secret:ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789.", []string{"secret:gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123", []string{"secret:github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123"}},
		{"SLACK_TOKEN=xoxb-17653672481-19874698323-pdFZKVeTuE15EYUqiWlW39kB", []string{"secret:xoxb-17653672481-19874698323-pdFZKVeTuE15EYUqiWlW39kB"}},
		{"xoxb-17653672481-19874698323-pdFZKVeTuE15EYUqiWlW39kB", []string{"secret:xoxb-17653672481-19874698323-pdFZKVeTuE15EYUqiWlW39kB"}},
		{"stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc in config", []string{"secret:sk_live_4eC39HqLyjWDarjtT1zdp7dc"}},
		{"sk_test_4eC39HqLyjWDarjtT1zdp7dc", []string{"secret:sk_test_4eC39HqLyjWDarjtT1zdp7dc"}},
		{"rk_test_4eC39HqLyjWDarjtT1zdp7dc", []string{"secret:rk_test_4eC39HqLyjWDarjtT1zdp7dc"}},
		{"glpat-aBcDeFgHiJ_kLmNoPqRsT1", []string{"secret:glpat-aBcDeFgHiJ_kLmNoPqRsT1"}},
		{"https://maps.googleapis.com/maps/api/js?key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe&callback=x", []string{"secret:AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"}},
		{"//registry.npmjs.org/:_authToken=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", []string{"secret:npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", []string{"secret:npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"`sk-proj-aBcDeFgHiJkLmNoPqRsTuVwXyZ012345`", []string{"secret:sk-proj-aBcDeFgHiJkLmNoPqRsTuVwXyZ012345"}},
		{`"sk-ant-api03-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"`, []string{"secret:sk-ant-api03-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		// E-mail addresses URL-encoded, in markup and next to CJK text.
		{"?email=jane.doe%40example.com&x=1", []string{"email:jane.doe%40example.com"}},
		{"https://example.com/users/jane.doe%40example.com/profile", []string{"email:jane.doe%40example.com"}},
		{"JANE%40EXAMPLE.COM", []string{"email:JANE%40EXAMPLE.COM"}},
		{"?u=j%2Bsupport%40mail.example.org", []string{"email:j%2Bsupport%40mail.example.org"}},
		{"jane@example.com_", []string{"email:jane@example.com"}},
		{"**jane@example.com**", []string{"email:jane@example.com"}},
		{"~~jane@example.com~~", []string{"email:jane@example.com"}},
		{"連絡先はjane@example.comまで", []string{"email:jane@example.com"}},
		{"jane.doe@example.comです", []string{"email:jane.doe@example.com"}},
		{"メールjane@example.jpへ", []string{"email:jane@example.jp"}},
		{"邮箱jane@example.cn谢谢", []string{"email:jane@example.cn"}},
		{"田中jane@example.com", []string{"email:jane@example.com"}},
		{"メールはtaro@例え.jpまで", []string{"email:taro@例え.jp"}},
		{"jane@example.com、よろしく", []string{"email:jane@example.com"}},
		{"user@host.service.example.com", []string{"email:user@host.service.example.com"}},
		{"getty@tty1.example.org", []string{"email:getty@tty1.example.org"}},
		{"jane@example.zip", []string{"email:jane@example.zip"}},
		{"jane@example.dev", []string{"email:jane@example.dev"}},
		// Addresses next to netmasks and section numbers, and IPv6.
		{"netmask 255.255.255.0 gateway 10.0.0.1", []string{"ipv4:10.0.0.1"}},
		{"inet 10.0.0.5 netmask 255.255.255.0 broadcast 10.0.0.255", []string{"ipv4:10.0.0.5", "ipv4:10.0.0.255"}},
		{"section 4.2.1.6 says 10.0.0.1 is reserved", []string{"ipv4:10.0.0.1"}},
		{"security 10.0.0.1", []string{"ipv4:10.0.0.1"}},
		{"secondary 10.0.0.2", []string{"ipv4:10.0.0.2"}},
		{"0.0.0.1", []string{"ipv4:0.0.0.1"}},
		{"255.255.0.255", []string{"ipv4:255.255.0.255"}},
		{"0:0:0:0:0:0:0:1", []string{"ipv6:0:0:0:0:0:0:0:1"}},
		{"2001:db8:0:0:0:0:0:1", []string{"ipv6:2001:db8:0:0:0:0:0:1"}},
		{"fe80:0:0:0:0:0:0:1", []string{"ipv6:fe80:0:0:0:0:0:0:1"}},
		{"1:2:3:4:5:6:7:100", []string{"ipv6:1:2:3:4:5:6:7:100"}},
		{"0:0:0:0:0:ffff:c000:280", []string{"ipv6:0:0:0:0:0:ffff:c000:280"}},
		{"fe80::1%eth0", []string{"ipv6:fe80::1%eth0"}},
	} {
		expectFound(t, r, tc.in, tc.want)
	}
}
