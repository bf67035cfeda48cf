package redact_test

import (
	"slices"
	"testing"

	"github.com/slakit/slakit/redact"
)

// lookAlikes are strings that helpdesk tickets and logs are full of and
// that look like personal data or secrets but are none by the package
// doc's rules. Each group says what its strings are and, where the format
// comes from a standard or a vendor, where it is defined.
var lookAlikes = []struct {
	group  string
	values []string
}{
	// ISO 8601 / RFC 3339 timestamps, with offsets, fractions and
	// nanoseconds (Go's time.RFC3339Nano), basic and week/ordinal forms.
	{"iso8601", []string{
		"2026-12-04T18:10:13.302329856Z",
		"2024-03-07T14:22:05Z",
		"2024-03-07T14:22:05+01:00",
		"2024-03-07T14:22:05.123-05:00",
		"2024-03-07T14:22:05+0530",
		"2024-03-07T14:22:05.123456789+05:45",
		"2024-03-07 14:22:05.123456",
		"2024-03-07 14:22:05,123",
		"20240307T142205Z",
		"2024-W10-4",
		"2024-067",
		"2024-03-07T14:22Z",
		"T14:22:05",
		"ts=2024-03-07T14:22:05.000+00:00",
		`"created_at":"2024-03-07T14:22:05.123Z"`,
	}},
	// RFC 2822 / RFC 5322 section 3.3 dates as in e-mail headers, and
	// RFC 7231 HTTP dates.
	{"rfc2822", []string{
		"Thu, 07 Mar 2024 14:22:05 +0000",
		"Mon, 4 Mar 2024 10:12:44 -0800 (PST)",
		"Date: Thu, 07 Mar 2024 14:22:05 GMT",
		"Fri, 21 Nov 1997 09:55:06 -0600",
	}},
	// Syslog: the RFC 3164 and RFC 5424 examples (hosts and users kept),
	// and journald/dmesg lines.
	{"syslog", []string{
		"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
		"<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - BOM'su root' failed for lonvick on /dev/pts/8",
		"<165>1 2003-08-24T05:14:15.000003-07:00 192-0-2-1 myproc 8710 - - %% It's time to make the do-nuts.",
		"Mar  7 14:22:05 web01 sshd[12345]: pam_unix(sshd:session): session opened",
		"Mar 07 14:22:05 web01 systemd[1]: Started Daily apt upgrade and clean activities.",
		"[  123.456789] usb 1-1.2: new high-speed USB device number 2 using xhci_hcd",
		"[12345.678901] Out of memory: Killed process 4242 (java) total-vm:8388608kB",
	}},
	// Apache and nginx access logs (the combined format of the Apache
	// httpd docs, https://httpd.apache.org/docs/2.4/logs.html, with a host
	// name instead of the client address) and nginx error logs.
	{"accesslog", []string{
		`www.example.com - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"`,
		`- - [07/Mar/2024:14:22:05 +0000] "GET /api/v1/orders/1234567?page=2 HTTP/1.1" 200 612 "-" "curl/8.5.0"`,
		`"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36"`,
		`2024/03/07 14:22:05 [error] 1234#1234: *5678 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory)`,
		"upstream_response_time=0.012 request_time=0.015 bytes_sent=1048576",
	}},
	// Unix epochs in seconds, milliseconds, microseconds and nanoseconds.
	{"epoch", []string{
		"1709821325", "1709821325123", "1709821325123456", "1709821325123456789",
		"ts=1709821325.123", `"timestamp":1709821325123`, "@1709821325",
		"time 1712345678901234567",
	}},
	// Durations: Go's time.Duration, ISO 8601 durations, clock times.
	{"duration", []string{
		"1h30m", "1h30m15.5s", "00:05:13.120", "PT1H30M", "took 1234ms",
		"elapsed=0:00:12.34", "12:34:56", "23:59:59.999", "-00:00:01",
		"uptime 12 days, 3:04", "real 0m1.234s",
	}},
	// Dates in US, European and Asian formats.
	{"date", []string{
		"03/07/2024", "07/03/2024", "07.03.2024", "2024/03/07", "2024.03.07",
		"7-Mar-2024", "07-03-2024", "12-31-1999", "03-07-24", "2024年3月7日",
		"2024. 3. 7.", "7 March 2024", "Q1 2024", "FY2024-25",
	}},
	// Version strings: SemVer 2.0.0 (https://semver.org) with pre-release
	// and build metadata, four-part versions after a version word or a
	// product name (see the package doc), Windows and Chrome builds.
	{"version", []string{
		"1.2.3-beta.1+build.5", "v2.0.0-rc.1", "1.0.0-alpha+001", "1.0.0+20130313144700",
		"1.0.0-x.7.z.92", "v1.2.3.4", "version 1.2.3.4", "Windows 10.0.19045.3803",
		"Microsoft Windows [Version 10.0.19045.3803]", "Chrome 120.0.6099.109",
		"Firefox 115.0.2.1", "go1.22.1", "node v20.11.1", "Python 3.12.1",
		"OpenSSL 3.0.13 30 Jan 2024", "kernel 6.5.0-21-generic", "Build 22631.3296",
		"iOS 17.4.1", "MySQL 8.0.36", "TLSv1.3", "app_version=4.2.1.0",
		"Edge 122.0.2365.80",
	}},
	// Semantic version ranges (npm node-semver and RubyGems syntax).
	{"semver-range", []string{
		"^1.2.3", "~> 2.0", ">=1.2.3 <2.0.0", "1.x || >=2.5.0 || 5.0.0 - 7.2.3",
		"~1.2.3", `"lodash": "^4.17.21"`,
	}},
	// Git commit SHAs, short and long.
	{"git", []string{
		"a1b2c3d", "9fceb02", "e83c5163316f89bfbe7d9ab23ca2e25604af290c",
		"commit 3f786850e387550fdab836ed7e6dc881de23001b", "HEAD@{1}",
		"fixed in 2a4b6c8..9d1e3f5",
	}},
	// UUIDs (RFC 4122/9562 examples and others), GUIDs in braces, ULIDs.
	{"uuid", []string{
		"123e4567-e89b-12d3-a456-426614174000",
		"f47ac10b-58cc-4372-a567-0e02b2c3d479",
		"{6F9619FF-8B86-D011-B42D-00C04FC964FF}",
		"00000000-0000-0000-0000-000000000000",
		"01ARZ3NDEKTSV4RRFFQ69G5FAV",
		"12345678-1234-1234-1234-123456789012",
	}},
	// Hashes: MD5, SHA-1 and SHA-256 of the empty string in hex, base64
	// and the Subresource Integrity form (W3C SRI), and an ETag.
	{"hash", []string{
		"d41d8cd98f00b204e9800998ecf8427e",
		"da39a3ee5e6b4b0d3255bfef95601890afd80709",
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"1B2M2Y8AsgTpgAmY7PhCfg==",
		"sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
		`ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"`,
		"md5sum 1234567890abcdef1234567890abcdef",
	}},
	// MAC addresses in colon, dash and Cisco dotted forms (RFC 7042
	// section 2.1.2 documentation values 00-00-5E-00-53-xx).
	{"mac", []string{
		"00:1A:2B:3C:4D:5E", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e",
		"00:00:5e:00:53:af", "00-00-5E-00-53-01", "0000.5e00.5301", "AC:DE:48:00:11:22",
	}},
	// Code with "::" and clock times: C++, Rust, Perl, Ruby, PHP and
	// Haskell type signatures, Python slices, ratios and host:port.
	{"ipv6-like", []string{
		"std::chrono::milliseconds(250)", "std::vector<int>", "std::array<int, 16>",
		"a::b::c", "Vec::<u8>::with_capacity(16)", "u32::MAX", "i64::from(1)",
		"Foo::Bar->new", "Data::Dumper", "$self->SUPER::new(@_)", "Time::HiRes",
		"map :: (a -> b) -> [a] -> [b]", "fmap :: Functor f => (a -> b) -> f a -> f b",
		"ActiveRecord::Base", "App\\Http\\Controllers", "Foo::bar()", "10:30::",
		"a[::2]", "evens = xs[1::2]", "12:34:56", "16:9", "1:1000", "John 3:16",
		"localhost:8080", "db01:5432", "serving on [::]:8080",
	}},
	// Parcel tracking numbers: UPS 1Z + 16 (UPS tracking help), FedEx 12
	// and 15 digits, USPS 20-22 digits and S10 (UPU S10 standard)
	// numbers, DHL Express 10 digits and DHL eCommerce JD numbers.
	{"tracking", []string{
		"1Z999AA10123456784", "1Z 999 AA1 01 2345 678 4", "797843158299",
		"449044304137821", "9400100000000000000000", "9205590164917312751089",
		"9400 1000 0000 0000 0000 00", "EA123456789US", "RR123456785DE",
		"3318810025", "JD014600006281230704", "tracking 1Z999AA10123456784",
	}},
	// ISBN-10 and ISBN-13 with and without hyphens (ISO 2108; the
	// Wikipedia and ISBN agency examples).
	{"isbn", []string{
		"978-3-16-148410-0", "9783161484100", "0-306-40615-2", "0306406152",
		"ISBN 978-0-596-52068-7", "ISBN-13: 978-1-4028-9462-6", "ISBN 0-8044-2957-X",
	}},
	// EAN-13, UPC-A and EAN-8 barcodes (GS1 General Specifications).
	{"barcode", []string{
		"4006381333931", "036000291452", "96385074", "EAN 5901234123457",
		"UPC 012345678905",
	}},
	// Invoice and order numbers, Amazon's 3-7-7 order IDs.
	{"order", []string{
		"INV-2024-000123", "Order #112-3456789-1234567", "PO 4500012345",
		"SO-000123", "Rechnung Nr. 2024-00042", "order 1234567890",
		"Invoice 2024/03/0042", "order_id=98765432101",
	}},
	// Ticket IDs: ServiceNow (INC, RITM, CHG), Jira, GitHub, Zendesk,
	// Salesforce cases, Oracle SRs, CVEs and Microsoft KBs.
	{"ticket", []string{
		"INC0012345", "RITM0012345", "CHG0030001", "JIRA-1234", "PROJ-12345",
		"#123456", "GH-1234", "Zendesk #4567890", "case 01234567",
		"SR 3-12345678901", "CVE-2024-3094", "KB5034441",
	}},
	// Money amounts in many locales.
	{"money", []string{
		"$1,234,567.89", "1.234.567,89 €", "₹12,34,567", "€ 1 234 567,89",
		"CHF 1'234'567.89", "¥1,234,567", "R$ 1.234,56", "USD 1,234.56",
		"-$45.00", "£12.50", "1 234 567,89 zł", "12.345.678 VND", "USD 12345.67",
		"+$45.00", "total: 1,234.00", "₩1,234,567", "1,234,567.89 USD",
	}},
	// Percentages.
	{"percent", []string{"99.95%", "12.5 %", "+3.2%", "-0.25%", "100%", "CPU 87.5%"}},
	// Geographic coordinates (decimal degrees, RFC 5870 geo URIs).
	{"coords", []string{
		"48.8566, 2.3522", "40.7128° N, 74.0060° W", "geo:37.786971,-122.399677",
		"-33.8688,151.2093", "lat=51.5074&lon=-0.1278",
	}},
	// Port lists and ranges (Docker, Kubernetes NodePort range).
	{"ports", []string{
		"ports 80,443,8080,8443", "-p 8080:80", "EXPOSE 3000 9229",
		"ports: 22/tcp, 443/tcp", "30000-32767", "10000-20000/udp",
		"--port=8080", "listen 443 ssl http2",
	}},
	// CIDR-ish configuration without an address in it.
	{"cidr", []string{
		"prefixlen 64", "netmask /24", "allowed: /32", "::/0", "mtu 1500",
	}},
	// Kubernetes object names (generated pod, ReplicaSet and CronJob
	// job suffixes, PVC names, EC2 private DNS names).
	{"k8s", []string{
		"pod-7d9f8b6c5-x2x9z", "web-5f6d8c9b7d-abcde", "kube-proxy-2xk8j",
		"replicaset.apps/web-5f6d8c9b7d", "hello-28481234-xyz12", "redis-0",
		"pvc-3f9c1a2b-4d5e-6f70-8a9b-0c1d2e3f4a5b", "ip-10-0-1-23.ec2.internal",
	}},
	// Docker image references and digests (OCI image spec).
	{"docker", []string{
		"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"nginx@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"docker.io/library/nginx:1.25.3", "ghcr.io/org/app:v1.2.3",
		"redis:7.2.4-alpine", "image: postgres:16.2", "4f66ad9a0b2e",
	}},
	// Windows error codes: HRESULTs, NTSTATUS, bug checks, event IDs,
	// the signed decimal form of an HRESULT.
	{"winerr", []string{
		"0x80070005", "0xC0000005", "HRESULT 0x8007000E", "error 0x800F0922",
		"STOP 0x0000007B", "Event ID 4625", "exit code -2147024891", "error 1603",
	}},
	// HTTP status lines (RFC 9112) and status fields.
	{"http", []string{
		"HTTP/1.1 200 OK", "HTTP/2 404", "HTTP/1.1 503 Service Unavailable",
		"status=502", "Content-Length: 1048576", "Range: bytes=500-999",
		"Cache-Control: max-age=31536000",
	}},
	// Stack traces with line numbers and addresses: Java, Python, Go,
	// Node.js, Rust, .NET and gdb.
	{"stack", []string{
		"at com.example.OrderService.process(OrderService.java:142)",
		`File "/app/main.py", line 42, in <module>`,
		"/usr/local/go/src/runtime/panic.go:770 +0x132",
		"main.main()\n\t/app/main.go:123 +0x1a5",
		"goroutine 1 [running]:",
		"at Object.<anonymous> (/app/index.js:10:15)",
		"at processTicksAndRejections (node:internal/process/task_queues:95:5)",
		"at src/main.rs:14:5",
		`in C:\src\App\Program.cs:line 27`,
		"#0  0x00007ffff7a42428 in __GI_raise (sig=sig@entry=6) at ../sysdeps/unix/sysv/linux/raise.c:54",
		"I0307 14:22:05.123456   12345 main.go:42] starting",
	}},
	// Phone-shaped strings that break the NANP N rules (area code and
	// exchange start with 2-9): see the NANPA's numbering plan.
	{"phone-invalid", []string{
		"000-000-0000", "123-456-7890", "(123) 456-7890", "111-111-1111",
		"(000) 000-0000", "202-055-0143", "202-155-0143",
		"1-123-456-7890",
	}},
	// Long digit IDs: 16 digits that fail Luhn, 18- and 19-digit
	// snowflake IDs (Discord's documented example 175928847299117063,
	// Twitter status IDs).
	{"long-id", []string{
		"4532015112830367", "5412345678901234", "6011000000000000",
		"4000123456789012", "175928847299117063", "1212092628029698048",
		"1445078208190291968", "user_id=175928847299117063",
	}},
	// IBAN-shaped strings with a wrong check, and BICs (ISO 9362).
	{"iban-invalid", []string{
		"DE89370400440532013001", "GB29NWBK60161331926818",
		"FR1420041010050500013M02605", "NL91ABNA0417164301",
		"DE00 3704 0044 0532 0130 00", "COBADEFFXXX", "DEUTDEFF500",
	}},
	// SSN-shaped strings the SSA cannot issue (area 000, 666 or 900-999,
	// group 00, serial 0000), with and without a label.
	{"ssn-invalid", []string{
		"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567",
		"123-45-0000", "SSN 000-12-3456", "SSN: 666-45-6789", "SSN 987-65-4321",
	}},
	// Signed amounts, timezone offsets and counters after a '+' with
	// fewer than 8 digits or with thousands separators E.164 numbers do
	// not use (','); Go's monotonic clock reading below one second.
	{"plus", []string{
		"+1,234,567.89", "+12,345.67 EUR", "+1 234 567,89 €", "+49.99", "+100500 views",
		"credit +1,234,567.89", "+12,345,678.90", "UTC+05:30", "GMT+0100", "+0530",
		"+05:30 IST", "+09:00", "offset=-05:00", "TZ=America/New_York", "m=+0.012345678",
		"1234 files changed, 12345678 insertions(+)", "(+1.5%)",
	}},
	// Signed decimals and amounts with eight digits or more: Go's
	// monotonic clock reading as time.Time's String prints it ("m=+"),
	// balances, crypto amounts, amounts in thousands with a decimal comma
	// or a currency (ISO 4217 codes, currency signs) and an ISO 8601
	// date with a sign (ISO 8601-1 section 4.3.2, expanded years).
	{"plus-amounts", []string{
		"m=+86400.123456789", "m=+3.000123456", "+12345678.90", "+123456789.00",
		"balance +15000000.00", "+1.23456789 BTC", "Received +1.50000000 BTC", "+12.34567890 ETH",
		"+12 345 678,90 zł", "+10 000 000 ₽", "+12 345 678 Ft", "+1 234 567 890 ₫",
		"+10.000.000,00 €", "Rp +15.000.000", "+2024-03-07",
	}},
	// National-looking numbers after an order, invoice, ticket or article
	// label, in English, German, Spanish, French, Italian and Dutch, and
	// with the label joined to "No"/"Nr" by '-' or '_'.
	{"labelled-numbers", []string{
		"Order-No. 0123-4567-89", "order_no=0123-4567-89", "Ticket-Nr. 0123-4567-89",
		"Bestellung 0123-4567-89", "Rechnung 0123 456 789", "Auftrag 0123-4567-89",
		"pedido 0123-4567-89", "commande 0123-4567-89", "fattura 0123-4567-89",
		"bestelling 0123-4567-89", "SKU 0123-4567-89",
		"serial 0123-4567-8901", "Kundennummer 0123-456-789", "Aktenzeichen 012-345-67890",
	}},
	// Storage and network identifiers that share the shape of an
	// address: Fibre Channel WWPNs and EUI-64 identifiers (RFC 7042
	// section 2.2: eight octets in colon-separated hex), netmasks, the
	// unspecified and broadcast addresses, document section numbers, and
	// the public key token of a .NET assembly name (ECMA-335 II.6.3).
	{"not-hosts", []string{
		"50:06:01:60:3b:20:19:be", "20:00:00:25:b5:00:00:0f", "02:00:5e:10:00:00:00:01",
		"1:2:3:4:5:6:7:8", "10:20:30:40:50:60:70:80",
		"netmask 255.255.255.0", "mask=255.255.0.0", "255.255.240.0", "0.0.0.0/0", "0.0.0.0",
		"section 4.2.1.3", "RFC 5280 section 4.2.1.6",
		"PublicKeyToken=30ad4fe6b2a6aeed",
		"System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
	}},
	// Dates and times with spaces, ranges and 12-hour clocks.
	{"date-time", []string{
		"2024 03 07", "07 03 2024", "09:00-17:00", "2024-03-07 - 2024-03-14",
		"2024-03-07/2024-03-14", "05.03.2024 - 06.03.2024", "07.03.2024 14.22",
		"07/03/2024 14:22", "2024-03-07 14:22:05 +0100", "Mar 7, 2024, 2:22:05 PM",
		"3/7/2024 2:22:05 PM", "2024-03-07 08:15:00.123 045 678",
		"2024-03-07T14:22:05+01:00 host=app01 pid=4242 took=1.5s",
		"-- 2024-03-07 --", "--2024-03-07", "fax: 2024-03-07",
	}},
	// Colon-separated hex that is longer than an IPv6 address: SSH MD5
	// fingerprints (RFC 4716 section 4), X.509 SHA-1 fingerprints and
	// serial numbers as OpenSSL prints them.
	{"fingerprint", []string{
		"16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",
		"SHA1 Fingerprint=DA:39:A3:EE:5E:6B:4B:0D:32:55:BF:EF:95:60:18:90:AF:D8:07:09",
		"Serial Number: 04:00:00:00:00:01:15:4b:5a:c3:94",
	}},
	// More "::" paths whose first word is not all hex or whose groups are
	// not hex: C++ and Rust (crates bb8 and ed25519, f32/f64 constants).
	{"paths", []string{
		"Base::f1()", "ns1::foo", "v2::Client", "bb8::Pool", "e2e::tests",
		"f32::consts::PI", "f64::EPSILON", "f64::from(1)", "ed25519::Signature",
		"d3::Chart", "crate::a1::b2",
	}},
	// Hardware addresses that are neither IPv4 nor IPv6: USB and PCI
	// (domain:bus:device.function) paths, device numbers, alias
	// interfaces and SMPTE timecodes.
	{"hardware", []string{
		"usb 1-1.2:1.0", "pci 0000:00:1f.2", "0000:03:00.0", "sda1 8:1", "eth0:1", "12:00:00:00",
	}},
	// User-Agent product tokens (RFC 9110 section 10.1.5), including
	// Chrome's reduced "120.0.0.0" version, and four-part versions
	// inside longer names.
	{"user-agent", []string{
		"Chrome/120.0.0.0", "Edg/120.0.0.0", "OPR/106.0.0.0", "YaBrowser/24.1.0.0",
		"Version/17.4.1 Safari/605.1.15", "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
		"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
		"jdk-11.0.22.7", "openjdk-17.0.2.8", "Microsoft.Extensions.Logging.8.0.0.0",
		"R7000-V1.0.11.128_10.2.112",
	}},
	// Object identifiers (ITU-T X.660): RSA sha256WithRSAEncryption and
	// the NIST SHA-256 arc.
	{"oid", []string{"1.2.840.113549.1.1.11", "OID 1.2.840.113549", "2.16.840.1.101.3.4.2.1"}},
	// '@' that is no e-mail address: npm and Go module versions, retina
	// asset names with listed extensions or digits in them, systemd
	// instance names without a suffix, Java's Object.toString, CSS and
	// Python decorators.
	{"at", []string{
		"lodash@4.17.21", "node_modules/.pnpm/lodash@4.17.21/node_modules", "@types/node@20.11.5",
		"react@18.2.0", "example.com/mod@v1.2.3", "icon@3x.png", "font@2x.woff2", "getty@tty1",
		"user-1000.slice", "java.lang.Object@6d06d69c", "com.example.Foo@1b6d3586",
		"@media (max-width: 600px)", "@app.route('/')",
	}},
	// systemd unit names (systemd.unit(5): the instance after '@' and a
	// unit type suffix), which journald logs are full of, and file names
	// whose extension is no top-level domain (IANA root zone database).
	{"at-files", []string{
		"user@1000.service", "getty@tty1.service", "serial-getty@ttyS0.service",
		"systemd-fsck@dev-sda1.service", "wg-quick@wg0.service", "openvpn-client@office.service",
		"nginx@1.25.3.service", "systemd[1]: user@1000.service: Succeeded.", "user@1000.socket",
		"backup@daily.timer", "container@web.scope",
		"sprite@2x.avif", "photo@2x.heic", "styles@2x.scss", "config@prod.yaml", "config@prod.yml",
		"app@2024.log", "report@2024.xlsx", "notes@v2.docx", "pkg@1.2.3.tgz",
	}},
	// Keys that only begin with a credential word or end in another
	// word (see Redactor.IsSensitiveKey), test counts, the
	// WWW-Authenticate challenges of RFC 6750 section 3 and RFC 7617
	// section 2, prose about bearer and basic auth, base64 JSON cursors
	// with one part (a JWT has three) and a bare AWS prefix.
	{"credential-words", []string{
		"prompt_tokens=1234 completion_tokens=567", "total_tokens: 1801", "max_tokens=4096",
		"token_count=12", "password_expired=true", "password_changed_at=2024-03-07",
		"token_expires_in=3600", "passwordless=true", "pass=12 fail=0", "Pass: 42",
		"tests: 12 pass, 0 fail",
		`WWW-Authenticate: Bearer realm="example", error="invalid_token"`,
		`WWW-Authenticate: Basic realm="Access to staging", charset="UTF-8"`,
		"bearer token expired", "Upgrade from Basic to Pro plan", "basic auth is disabled",
		"Basic 2024 plan", "AKIA", "cursor=eyJwYWdlIjoyfQ==", "next=eyJpZCI6MTIzNH0",
	}},
	// Numbers in parentheses, after dashes and after keys that are no
	// phone label, and answers after phone and SSN labels.
	{"context", []string{
		"---- 12345678 ----", "(2024)", "(pid 12345)", "(line 42)", "(v1.2.3)", "(0)", "(123) 456",
		"id=1234567890", "ref:1234567890", "phone_model=iPhone15,2", "phone_os=17.4.1",
		"phone_count=3", "Phone: unknown", "tel: n/a", "SSN: none",
	}},
	// ISBNs and EANs written with spaces; card-shaped groups that fail
	// Luhn.
	{"spaced-digits", []string{
		"978 3 16 148410 0", "0 306 40615 2", "400 638 133 393 1",
		"4111 1111 1111 1112", "6011 0000 0000 0000",
	}},
	// More NANP-shaped strings that break the N rules, dotted numbers
	// with a fourth group or a prefix, and 7-digit local numbers and bare
	// 10-digit IDs without a label.
	{"phone-shape", []string{
		"Room 101-555-0100", "1-800-000-0000", "(800) 123-4567", "202.555.0143.1",
		"v202.555.0143", "ID-202-555-0143", "Order 2025550143", "case #2025550143",
		"call 555-0143", "555-1234", "ext. 4242", "x1234",
	}},
	// Numbers shaped like a national number with a trunk 0 after labels
	// that name another number (order, invoice, ticket, ref, id), and
	// shorter ones: postcodes, "0815-4711", filing numbers.
	{"trunk-zero", []string{
		"0042-2024-03", "invoice 0001-000123", "ref 0123 456 789", "order 02 1234 5678",
		"ID 0123-456-789", "Ticket Nr. 0123-4567-89", "Ticket-ID 0123-4567-89",
		"ticket-0123-4567-89", "invoice #0123-4567-89", "order no. 0123-4567-89",
		"PLZ 01067 Dresden 2024", "Ticket 0815-4711", "Rechnung 01/2024/00123", "Vorgang 0001/2024",
	}},
	// IBAN look-alikes: a trailing letter, prose, all zeros.
	{"iban-like", []string{"NO9386011117947x", "IBAN: not provided", "IBAN DE00000000000000000000"}},
	// Miscellaneous numbers: process IDs, error codes, sizes, screen
	// resolutions, counters.
	{"misc", []string{
		"PID 12345", "ORA-12345", "SQLSTATE 23505", "errno 13", "exit status 137",
		"1920x1080", "size 1 048 576 bytes", "seq=4294967295", "rss=1048576kB",
		"AES-256-GCM", "x86_64", "UTF-8", "--max-old-space-size=4096",
	}},
}

// TestLookAlikesNotFound checks that Default finds nothing in any of
// lookAlikes and ruleLookAlikes, alone or inside a sentence.
func TestLookAlikesNotFound(t *testing.T) {
	r := redact.Default()
	for _, g := range slices.Concat(lookAlikes, ruleLookAlikes) {
		for _, v := range g.values {
			for _, s := range []string{v, "see " + v + " please"} {
				if got := found(r, s); len(got) != 0 {
					t.Errorf("%s: Find(%q) = %q want nothing", g.group, s, got)
				}
			}
		}
	}
}
