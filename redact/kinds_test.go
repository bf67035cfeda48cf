package redact_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// found renders Find's result as "kind:value" strings.
func found(r *redact.Redactor, s string) []string {
	var out []string
	for _, m := range r.Find(s) {
		out = append(out, fmt.Sprintf("%s:%s", m.Kind, s[m.Start:m.End]))
	}
	return out
}

// expectFound checks that Find reports exactly want in s, as
// "kind:value" strings in order (nil for nothing), with matches in order,
// not overlapping and on UTF-8 boundaries.
func expectFound(t *testing.T, r *redact.Redactor, s string, want []string) {
	t.Helper()
	checkMatches(t, s, s, r.Find(s))
	if got := found(r, s); !slices.Equal(got, want) {
		t.Errorf("Find(%q) = %q want %q", s, got, want)
	}
}

// checkKind runs table tests for one kind: each positive value, alone and
// inside a sentence, must be found whole as that kind; each negative must
// not be found as any kind.
func checkKind(t *testing.T, kind redact.Kind, positives, negatives []string) {
	t.Helper()
	r := redact.Default()
	for _, v := range positives {
		for _, s := range []string{v, "see " + v + " please", "(" + v + ")", "x: " + v + "."} {
			got := found(r, s)
			want := []string{string(kind) + ":" + v}
			if !slices.Equal(got, want) {
				t.Errorf("Find(%q) = %q want %q", s, got, want)
			}
		}
	}
	for _, v := range negatives {
		for _, s := range []string{v, "see " + v + " please"} {
			if got := found(r, s); len(got) != 0 {
				t.Errorf("Find(%q) = %q want nothing", s, got)
			}
		}
	}
}

func TestCreditCard(t *testing.T) {
	// Test card numbers published by payment providers:
	//   - Stripe: https://docs.stripe.com/testing ("Cards by brand");
	//   - Braintree: https://developer.paypal.com/braintree/docs/reference/general/testing
	//     ("Valid card numbers") and the Braintree SDKs' test constants
	//     (Braintree::Test::CreditCardNumbers);
	//   - PayPal: https://developer.paypal.com/tools/sandbox/card-testing/ and
	//     the Payflow list of test numbers
	//     (https://www.paypalobjects.com/en_US/vhelp/paypalmanager_help/credit_card_numbers.htm).
	// "Stripe (older list)" marks numbers that Stripe's page listed before
	// it switched to the "Cards by brand" table.
	published := []string{
		"4242424242424242",    // Stripe Visa
		"4000056655665556",    // Stripe Visa (debit)
		"5555555555554444",    // Stripe Mastercard; also Braintree and PayPal Payflow
		"2223003122003222",    // Stripe Mastercard (2-series)
		"5200828282828210",    // Stripe Mastercard (debit)
		"5105105105105100",    // Stripe Mastercard (prepaid); also PayPal Payflow
		"378282246310005",     // Stripe American Express; also Braintree and PayPal Payflow
		"371449635398431",     // Stripe American Express; also Braintree and PayPal
		"6011111111111117",    // Stripe Discover; also PayPal Payflow
		"6011000990139424",    // Stripe Discover; also PayPal Payflow
		"6011981111111113",    // Stripe Discover (debit)
		"3056930009020004",    // Stripe Diners Club
		"36227206271667",      // Stripe Diners Club (14-digit card)
		"3566002020360505",    // Stripe JCB; also PayPal Payflow
		"6200000000000005",    // Stripe UnionPay
		"6205500000000000004", // Stripe UnionPay (19-digit card)
		"4111111111111111",    // Braintree Visa; also PayPal Payflow
		"4012888888881881",    // Braintree and PayPal Visa; Stripe (older list)
		"3530111333300000",    // Braintree JCB; also PayPal Payflow; Stripe (older list)
		"30569309025904",      // PayPal Payflow Diners Club; Braintree SDKs' Carte Blanche; Stripe (older list)
	}
	pos := slices.Clone(published)
	// The same numbers as printed on cards and typed in tickets.
	pos = append(pos,
		"4242 4242 4242 4242", "4242-4242-4242-4242", "5555 5555 5555 4444",
		"3782 822463 10005",       // Amex 4-6-5, as Stripe prints it
		"3622 720627 1667",        // Diners 4-6-4
		"6205 5000 0000 0000 004", // 19 digits in fours
	)
	neg := []string{
		"4242424242424241",     // Luhn fails (Stripe's "incorrect number" card)
		"1234567812345678",     // no issuer starts with 1
		"1700000000000",        // an epoch-millisecond timestamp
		"1717171717171",        // 13 digits, Luhn-valid, no issuer
		"42424242424242424242", // 20 digits
		"4242 4242 4242 424",   // 15 digits, Visa needs 13, 16 or 19
		"4242 4242-4242 4242",  // mixed separators
		"424 242 424 242 4242", // not in groups of four
		"order #4242424242424242x",
		"v4242424242424242",
		"7f3a9c1e-4242-4242-4242-424242424242", // a UUID
	}
	checkKind(t, redact.KindCreditCard, pos, neg)
}

// luhnNumber returns the number of n digits that starts with prefix,
// continues with zeros and ends in the Luhn check digit.
func luhnNumber(prefix string, n int) string {
	d := []byte(prefix + strings.Repeat("0", n-1-len(prefix)))
	// Double every second digit from the right, starting next to the
	// check digit that is appended.
	sum := 0
	for k := len(d) - 1; k >= 0; k -= 2 {
		v := int(d[k]-'0') * 2
		sum += v/10 + v%10
		if k > 0 {
			sum += int(d[k-1] - '0')
		}
	}
	return string(d) + string(rune('0'+(10-sum%10)%10))
}

// cardGroups writes a card number as cards print it: 14 and 15 digits
// 4-6-4 and 4-6-5, 16 and 19 digits in groups of four; other lengths are
// returned whole.
func cardGroups(v string) string {
	var sizes []int
	switch len(v) {
	case 14:
		sizes = []int{4, 6, 4}
	case 15:
		sizes = []int{4, 6, 5}
	case 16:
		sizes = []int{4, 4, 4, 4}
	case 19:
		sizes = []int{4, 4, 4, 4, 3}
	default:
		return v
	}
	var groups []string
	for _, n := range sizes {
		groups = append(groups, v[:n])
		v = v[n:]
	}
	return strings.Join(groups, " ")
}

// TestCardIssuerRanges checks the ends of each issuer's prefix range and
// the lengths it allows, the rules that, with Luhn, make a run of digits
// a card number (see cardValid in numbers.go): Visa 4 (13, 16, 19
// digits), Mastercard 51-55 and 2221-2720 (16), American Express 34 and
// 37 (15), Discover 6011, 644-649, 65 and 622126-622925 (16-19), JCB
// 3528-3589 (16-19), Diners Club 300-305, 3095, 36, 38, 39 (14-19) and
// UnionPay 62 (16-19).
//
// The numbers are synthetic: built for each boundary from the prefix,
// zeros and a Luhn check digit (luhnNumber), not published test numbers.
// Each passes Luhn, so a number outside the rules fails only on its
// prefix or length. Bare digits are no phone number or SSN without a
// label (see the package doc), so a number that is no card must not be
// found as anything.
func TestCardIssuerRanges(t *testing.T) {
	// The helper against published numbers: Stripe's Visa and UnionPay
	// test cards (https://docs.stripe.com/testing).
	for _, tc := range []struct {
		prefix string
		n      int
		want   string
	}{
		{"424242424242424", 16, "4242424242424242"},
		{"620000000000000", 16, "6200000000000005"},
		{"620550000000000000", 19, "6205500000000000004"},
	} {
		if got := luhnNumber(tc.prefix, tc.n); got != tc.want {
			t.Fatalf("luhnNumber(%q, %d) = %q want %q", tc.prefix, tc.n, got, tc.want)
		}
	}
	tests := []struct {
		issuer string
		prefix string
		n      int
		card   bool
	}{
		// Visa: 13, 16 and 19 digits only.
		{"Visa", "4", 13, true},
		{"Visa", "4", 16, true},
		{"Visa", "4", 19, true},
		{"Visa", "4", 14, false},
		{"Visa", "4", 15, false},
		{"Visa", "4", 17, false},
		{"Visa", "4", 18, false},
		// Mastercard: the 2-series 2221-2720 and 51-55, 16 digits.
		{"Mastercard", "2221", 16, true},
		{"Mastercard", "2720", 16, true},
		{"Mastercard", "2220", 16, false},
		{"Mastercard", "2721", 16, false},
		{"Mastercard", "51", 16, true},
		{"Mastercard", "55", 16, true},
		{"Mastercard", "50", 16, false},
		{"Mastercard", "56", 16, false},
		{"Mastercard", "51", 15, false},
		{"Mastercard", "55", 17, false},
		// American Express: 34 and 37, 15 digits.
		{"American Express", "34", 15, true},
		{"American Express", "37", 15, true},
		{"American Express", "34", 16, false},
		{"American Express", "37", 16, false},
		{"American Express", "34", 14, false},
		// Discover: 6011, 644-649, 65 and 622126-622925, 16 to 19 digits.
		{"Discover", "6011", 16, true},
		{"Discover", "6011", 19, true},
		{"Discover", "644", 16, true},
		{"Discover", "649", 16, true},
		{"Discover", "65", 16, true},
		{"Discover", "622126", 16, true},
		{"Discover", "622925", 16, true},
		{"Discover", "643", 16, false},
		{"Discover", "6011", 15, false},
		// Just outside Discover's co-branded range is still UnionPay's 62
		// (ISO/IEC 7812 assigns all of 62 to China UnionPay), so these are
		// cards all the same.
		{"UnionPay", "622125", 16, true},
		{"UnionPay", "622926", 16, true},
		// JCB: 3528-3589, 16 to 19 digits.
		{"JCB", "3528", 16, true},
		{"JCB", "3589", 16, true},
		{"JCB", "3528", 19, true},
		{"JCB", "3527", 16, false},
		{"JCB", "3590", 16, false},
		{"JCB", "3528", 15, false},
		// Diners Club: 300-305, 3095, 36, 38 and 39, 14 to 19 digits.
		{"Diners Club", "36", 14, true},
		{"Diners Club", "300", 14, true},
		{"Diners Club", "305", 14, true},
		{"Diners Club", "3095", 14, true},
		{"Diners Club", "38", 14, true},
		{"Diners Club", "39", 14, true},
		{"Diners Club", "36", 16, true},
		{"Diners Club", "306", 14, false},
		{"Diners Club", "36", 13, false},
		// UnionPay: 62, 16 to 19 digits.
		{"UnionPay", "62", 16, true},
		{"UnionPay", "62", 17, true},
		{"UnionPay", "62", 18, true},
		{"UnionPay", "62", 19, true},
		{"UnionPay", "62", 15, false},
	}
	r := redact.Default()
	for _, tc := range tests {
		v := luhnNumber(tc.prefix, tc.n)
		forms := []string{v}
		if g := cardGroups(v); g != v {
			forms = append(forms, g)
		}
		for _, f := range forms {
			for _, s := range []string{f, "see " + f + " please", "(" + f + ")", "card " + f + "."} {
				got := found(r, s)
				if tc.card {
					if want := []string{"credit_card:" + f}; !slices.Equal(got, want) {
						t.Errorf("%s %s, %d digits: Find(%q) = %q want %q", tc.issuer, tc.prefix, tc.n, s, got, want)
					}
					continue
				}
				if len(got) != 0 {
					t.Errorf("%s %s, %d digits: Find(%q) = %q want nothing (no card, and bare digits are no phone number)", tc.issuer, tc.prefix, tc.n, s, got)
				}
			}
		}
	}
}

func TestIBAN(t *testing.T) {
	// The example IBAN of each country in the SWIFT IBAN Registry
	// (https://www.swift.com/standards/data-standards/iban, the registry
	// of ISO 13616), for instance GB29NWBK60161331926819,
	// DE89370400440532013000, FR1420041010050500013M02606,
	// NO9386011117947 and BE68539007547034, in the paper format of
	// groups of four; collected in
	// https://github.com/skwasjer/IbanNet/blob/master/SupportedCountries.md.
	registry := []string{
		"AD12 0001 2030 2003 5910 0100", "AE07 0331 2345 6789 0123 456",
		"AL47 2121 1009 0000 0002 3569 8741", "AT61 1904 3002 3457 3201",
		"AZ21 NABZ 0000 0000 1370 1000 1944", "BA39 1290 0794 0102 8494",
		"BE68 5390 0754 7034", "BG80 BNBG 9661 1020 3456 78",
		"BH67 BMAG 0000 1299 1234 56", "BR18 0036 0305 0000 1000 9795 493C 1",
		"BY13 NBRB 3600 9000 0000 2Z00 AB00", "CH93 0076 2011 6238 5295 7",
		"CR05 0152 0200 1026 2840 66", "CY17 0020 0128 0000 0012 0052 7600",
		"CZ65 0800 0000 1920 0014 5399", "DE89 3704 0044 0532 0130 00",
		"DK50 0040 0440 1162 43", "DO28 BAGR 0000 0001 2124 5361 1324",
		"EE38 2200 2210 2014 5685", "EG38 0019 0005 0000 0000 2631 8000 2",
		"ES91 2100 0418 4502 0005 1332", "FI21 1234 5600 0007 85",
		"FO62 6460 0001 6316 34", "FR14 2004 1010 0505 0001 3M02 606",
		"GB29 NWBK 6016 1331 9268 19", "GE29 NB00 0000 0101 9049 17",
		"GI75 NWBK 0000 0000 7099 453", "GL89 6471 0001 0002 06",
		"GR16 0110 1250 0000 0001 2300 695", "GT82 TRAJ 0102 0000 0012 1002 9690",
		"HR12 1001 0051 8630 0016 0", "HU42 1177 3016 1111 1018 0000 0000",
		"IE29 AIBK 9311 5212 3456 78", "IL62 0108 0000 0009 9999 999",
		"IQ98 NBIQ 8501 2345 6789 012", "IS14 0159 2600 7654 5510 7303 39",
		"IT60 X054 2811 1010 0000 0123 456", "JO94 CBJO 0010 0000 0000 0131 0003 02",
		"KW81 CBKU 0000 0000 0000 1234 5601 01", "KZ86 125K ZT50 0410 0100",
		"LB62 0999 0000 0001 0019 0122 9114", "LC55 HEMM 0001 0001 0012 0012 0002 3015",
		"LI21 0881 0000 2324 013A A", "LT12 1000 0111 0100 1000",
		"LU28 0019 4006 4475 0000", "LV80 BANK 0000 4351 9500 1",
		"MC58 1122 2000 0101 2345 6789 030", "MD24 AG00 0225 1000 1310 4168",
		"ME25 5050 0001 2345 6789 51", "MK07 2501 2000 0058 984",
		"MR13 0002 0001 0100 0012 3456 753", "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
		"MU17 BOMM 0101 1010 3030 0200 000M UR", "NL91 ABNA 0417 1643 00",
		"NO93 8601 1117 947", "PK36 SCBL 0000 0011 2345 6702",
		"PL61 1090 1014 0000 0712 1981 2874", "PS92 PALS 0000 0000 0400 1234 5670 2",
		"PT50 0002 0123 1234 5678 9015 4", "QA58 DOHB 0000 1234 5678 90AB CDEF G",
		"RO49 AAAA 1B31 0075 9384 0000", "RS35 2600 0560 1001 6113 79",
		"SA03 8000 0000 6080 1016 7519", "SC18 SSCB 1101 0000 0000 0000 1497 USD",
		"SE45 5000 0000 0583 9825 7466", "SI56 2633 0001 2039 086",
		"SK31 1200 0000 1987 4263 7541", "SM86 U032 2509 8000 0000 0270 100",
		"ST23 0001 0001 0051 8453 1014 6", "SV62 CENR 0000 0000 0000 0070 0025",
		"TL38 0080 0123 4567 8910 157", "TN59 1000 6035 1835 9847 8831",
		"TR33 0006 1005 1978 6457 8413 26", "UA21 3223 1300 0002 6007 2335 6600 1",
		"VA59 0011 2300 0012 3456 78", "VG96 VPVG 0000 0123 4567 8901",
		"XK05 1212 0123 4567 8906",
	}
	var pos []string
	for _, v := range registry {
		pos = append(pos, v, strings.ReplaceAll(v, " ", ""))
	}
	neg := []string{
		"DE89 3704 0044 0532 0130 01", // check digits do not match
		"NL92ABNA0417164300",          // check digits do not match
		"DE8937040044053201300",       // one character short
		"DE893704004405320130000",     // one character long
		"XX89370400440532013000",      // no such country
		"DE89 3704 0044 0532 013 000", // broken grouping
		"de89370400440532013000",      // lower case
		// The registry's Norwegian and Belgian examples changed: Norway's
		// IBANs have 15 characters, and the Belgian one's last digit no
		// longer passes mod 97.
		"NO93860111179470", "NO93 8601 1117 9470", // 16 characters
		"BE68539007547035", "BE68 5390 0754 7035", // mod 97 fails
	}
	checkKind(t, redact.KindIBAN, pos, neg)
}

func TestIPv4(t *testing.T) {
	// RFC 5737 documentation addresses and everyday ones.
	pos := []string{"192.0.2.1", "198.51.100.23", "203.0.113.254", "10.0.0.1", "8.8.8.8", "255.0.255.0", "0.0.0.1"}
	neg := []string{
		// Netmasks and the unspecified and broadcast addresses name no
		// host (see the package doc).
		"255.255.255.0", "netmask 255.255.240.0", "255.255.255.255", "0.0.0.0", "0.0.0.0/0",
		// Section numbers of documents ("RFC 5280 section 4.2.1.6").
		"section 4.2.1.3", "RFC 5280 section 4.2.1.6",
		"256.1.1.1", "1.2.3", "01.2.3.4", "192.168.001.1",
		"1.3.6.1.4.1.311", // an OID
		"v1.2.3.4", "version 1.2.3.4", "build 10.0.0.1", "Chrome 120.0.6099.109",
		"1.2.3.4.5", "2024.01.15", "12.5.2024", "3.14159",
	}
	checkKind(t, redact.KindIPv4, pos, neg)
	r := redact.Default()
	for _, tc := range []struct{ in, want string }{
		{"connect to 192.0.2.1:8080 failed", "ipv4:192.0.2.1"},
		{"range 203.0.113.0/24", "ipv4:203.0.113.0"},
		{"from 10.1.2.3, 10.1.2.4", "ipv4:10.1.2.3 ipv4:10.1.2.4"},
		// Object identifiers and four-part versions are no addresses:
		// after an OID or version word or the name of a runtime, browser
		// or system, or as part of a longer dotted sequence.
		{"OID 2.5.29.17", ""},
		{`{"oid":"2.5.29.17"}`, ""},
		{"snmp_oid=1.3.6.1", ""},
		{"SNMP OID 1.3.6.1.4.1", ""},
		{"walk .1.3.6.1 now", ""},
		{"Python 3.12.1.0", ""},
		{"Firefox 115.0.2.1", ""},
		{"Java 1.8.0.25", ""},
		{"kernel 5.15.0.91", ""},
		{"version 10.0.19041.1", ""},
		{"ver. 1.2.3.4", ""},
		{"release: 2.1.0.3", ""},
		// Addresses after other words are found.
		{"IP 10.0.0.1", "ipv4:10.0.0.1"},
		{"server 192.168.1.10", "ipv4:192.168.1.10"},
		{"from 8.8.8.8", "ipv4:8.8.8.8"},
		{"node 10.0.0.5 is down", "ipv4:10.0.0.5"},
		{"Windows host 10.0.0.7", "ipv4:10.0.0.7"},
		{"see...10.0.0.1", "ipv4:10.0.0.1"},
		{"OID 2.5.29.17 from 10.0.0.1", "ipv4:10.0.0.1"},
	} {
		if got := strings.Join(found(r, tc.in), " "); got != tc.want {
			t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
}

func TestIPv6(t *testing.T) {
	pos := []string{
		// RFC 4291 section 2.2 examples.
		"2001:DB8:0:0:8:800:200C:417A", "FF01:0:0:0:0:0:0:101", "0:0:0:0:0:0:0:1",
		"2001:DB8::8:800:200C:417A", "FF01::101", "::1",
		"::13.1.68.3", "::FFFF:129.144.52.38", "0:0:0:0:0:FFFF:129.144.52.38",
		// RFC 5952 sections 2 and 4: the same address in many forms, and
		// the recommended ones.
		"2001:db8:0:0:1:0:0:1", "2001:0db8:0:0:1:0:0:1", "2001:db8::1:0:0:1",
		"2001:db8::0:1:0:0:1", "2001:0db8::1:0:0:1", "2001:db8:0:0:1::1",
		"2001:DB8:0:0:1::1", "2001:db8::2:1", "2001:db8:0:1:1:1:1:1",
		"2001:0:0:1::1", "2001:db8::", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001",
		"::ffff:192.0.2.1", // RFC 5952 section 5
		// RFC 4007 section 11: zone indexes.
		"fe80::1%eth0", "fe80::1234:5678%3",
	}
	neg := []string{
		"std::vector", "a::b", "Foo::Bar::baz", "dead::beef", "::",
		// Fibre Channel WWPNs and EUI-64 identifiers: eight groups of two
		// hex digits; and counters.
		"50:06:01:60:3b:20:19:be", "02:00:5e:10:00:00:00:01", "1:2:3:4:5:6:7:8",
		"10:30:45", "2024-01-15T10:30:00Z", "00:1a:2b:3c:4d:5e",
		"1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "2001:db8:::1", "1::2::3",
		"12345::1", "2001:db8::g", "ns::1a",
	}
	checkKind(t, redact.KindIPv6, pos, neg)
	r0 := redact.Default()
	// The documented exclusions of compressed addresses: "::" alone,
	// only short decimal groups ("::1" excepted), no decimal digit.
	for _, tc := range []struct{ in, want string }{
		{"::1", "ipv6:::1"},
		{"listening on [::1]:8080", "ipv6:::1"},
		{"::1%lo0", "ipv6:::1%lo0"},
		{"::2", ""},
		{"::01", ""},
		{"::1:2", ""},
		{"evens = a[::2]", ""},
		{"::", ""},
		{"serving on [::]:8080", ""},
		{"dead:beef::cafe", ""},
		{"::123", "ipv6:::123"},
		{"::a1", "ipv6:::a1"},
		{"::ffff:1", "ipv6:::ffff:1"},
		{"::2:ffff", "ipv6:::2:ffff"},
		{"fe80::2", "ipv6:fe80::2"},
	} {
		if got := strings.Join(found(r0, tc.in), " "); got != tc.want {
			t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
	r := redact.Default()
	// RFC 5952 section 6: an address with a port is written in brackets.
	if got := strings.Join(found(r, "http://[2001:db8::1]:80/"), " "); got != "ipv6:2001:db8::1" {
		t.Errorf("Find(bracketed) = %q want ipv6:2001:db8::1", got)
	}
}

func TestPhone(t *testing.T) {
	pos := []string{
		// The examples of Twilio's E.164 glossary
		// (https://www.twilio.com/docs/glossary/what-e164), in the
		// international format of ITU-T E.164 and E.123, and written with
		// separators.
		"+14155552671", "+442071838750", "+551155256325",
		"+1 415 555 2671", "+44 20 7183 8750", "+1 (415) 555-2671",
		// Numbers in German, French and Japanese international notation,
		// with a "(0)" trunk; no published source for these values.
		"+49 30 901820", "+33 1 42 68 53 00", "+49 (0)30 901820", "+81-3-1234-5678",
		// E.164 allows 15 digits at most and the package takes 8 at
		// least (see the package doc): the shortest and the longest, in
		// made-up digits.
		"+12345678", "+123456789012345",
		// NANP with the area code in parentheses or separated, in the
		// 555-0100 to 555-0199 range that the NANPA keeps for fictional
		// use.
		"(202) 555-0143", "202-555-0143", "202.555.0143", "202 555 0143",
		"1-202-555-0143", "1 (202) 555-0143",
		// National formats with a trunk 0: the UK's Ofcom numbers for TV
		// and radio drama (London 020 7946 0000 to 0999, mobile 07700
		// 900000 to 900999); made-up numbers in the French (01 ...),
		// German (030 Berlin) and Dutch (06 mobile) formats.
		"020 7946 0958", "07700 900123", "01 23 45 67 89", "030 12345678",
		"030/1234567", "06-12345678", "(030) 1234567",
		// Extensions.
		"(202) 555-0143 ext. 12", "+44 20 7946 0958 x123",
		// After "+1" the N rules do not apply (see the package doc): a
		// mistyped area code or exchange is still a customer's number.
		"+1 055 123 4567", "+1 202 155 0143",
		// The "+CC.NUMBER" form of EPP contact objects and WHOIS records:
		// the contact:voice example of RFC 5733 and one with a two-digit
		// country code.
		"+1.7035555555", "+44.2079460958",
		// Ending before a time, a date or the next number.
		"+14155552671", "+44 20 7946 0958",
	}
	neg := []string{
		"1700000000000",     // epoch milliseconds
		"4155552671",        // bare digits without a label
		"2024-01-15",        // a date
		"15.01.2024",        // a date
		"(111) 555-0143",    // area code must start 2-9
		"(202) 155-0143",    // exchange must start 2-9
		"(211) 555-0143",    // N11 area code
		"(202) 211-0143",    // N11 exchange
		"(290) 555-0143",    // area codes with a 9 in the middle are reserved
		"123-4567",          // seven digits without a label
		"+15.00",            // money
		"+1234",             // too short
		"+1234567",          // 7 digits: E.164 numbers here have 8 to 15
		"+1234567890123456", // 16 digits: more than E.164 allows
		"UTC+05:30",
		"01.02.2024 10:30",
		"ORD-2024-000123",
		"#123456789",
		"v2.12.1234",
	}
	checkKind(t, redact.KindPhone, pos, neg)
	r := redact.Default()
	for _, tc := range []struct{ in, want string }{
		{"Tel: 5551234567", "phone:5551234567"},
		{"phone number 4155552671", "phone:4155552671"},
		{"mobile_phone=0612345678", "phone:0612345678"},
		{"Téléphone : 612 34 56 78", "phone:612 34 56 78"},
		{"call 4155552671 tomorrow", ""},
		// Labels with filler words, and German compounds.
		{"my phone number is 612 345 678", "phone:612 345 678"},
		{"Mi teléfono es 612 345 678", "phone:612 345 678"},
		{"Telefonnummer ist 0301234567", "phone:0301234567"},
		{"the number is 612 345 678", ""},
		{"+14155552671 10:30", "phone:+14155552671"},
		{"+44 20 7946 0958 12:30:45", "phone:+44 20 7946 0958"},
		{"020 7946 0958 12345", "phone:020 7946 0958"},
		{"030 12345678 2026-12-04", "phone:030 12345678"},
		{"+1 212 555 0143 2025550143", "phone:+1 212 555 0143"},
		{"+33 1 23 45 67 89,123", ""}, // ",123" may be thousands: the number is unclear
		{"+1-202-555-0143,42,x", "phone:+1-202-555-0143"},
		{"Tel-Nr. 030 1234567", "phone:030 1234567"},
		{"phone_no=020 7946 0958", "phone:020 7946 0958"},
		{"Tel: 2024-01-15", ""},
		// The E.164 length bounds in a sentence.
		{"call +12345678 today", "phone:+12345678"},
		{"call +123456789012345 today", "phone:+123456789012345"},
		{"call +1234567 today", ""},
		{"call +1234567890123456 today", ""},
	} {
		if got := strings.Join(found(r, tc.in), " "); got != tc.want {
			t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
}

func TestUSSSN(t *testing.T) {
	// SSA rules: https://www.ssa.gov/employer/randomization.html and
	// https://www.ssa.gov/history/ssn/misused.html (the Woolworth number
	// 078-05-1120 and the pamphlet number 219-09-9999).
	pos := []string{"123-45-6789", "078-05-1121", "219-09-9998", "899-99-9999", "001-01-0001"}
	neg := []string{
		"000-12-3456", "666-12-3456", "900-12-3456", "987-65-4320", "987-65-4329",
		"123-00-4567", "123-45-0000", "078-05-1120", "219-09-9999",
		"123456789", "123 45 6789", "12-345-6789", "123-45-67890", "A123-45-6789",
	}
	checkKind(t, redact.KindUSSSN, pos, neg)
	r := redact.Default()
	for _, tc := range []struct{ in, want string }{
		{"SSN: 123456789", "us_ssn:123456789"},
		{"social security number 123 45 6789", "us_ssn:123 45 6789"},
		{"SSN: 078051120", ""},
		// Three, two and four digits separated alike are written as an
		// SSN, never as a phone number: the voided Woolworth and pamphlet
		// numbers are neither, with a label or without.
		{"SSN: 078 05 1120", ""},
		{"SSN 078-05-1120", ""},
		{"078 05 1120", ""},
		{"078.05.1120", ""},
		{"SSN: 219 09 9999", ""},
		{"SSN: 536 22 1807", "us_ssn:536 22 1807"},
		{"SSN: 036 22 1807", "us_ssn:036 22 1807"},
		{"036 22 1807", ""}, // spaced: an SSN only after a label
		// A phone label says what the number is.
		{"Tel: 078 05 1120", "phone:078 05 1120"},
	} {
		if got := strings.Join(found(r, tc.in), " "); got != tc.want {
			t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
}

// TestNoBreakSpaces checks phone and card numbers whose groups are
// separated by no-break spaces, as HTML mail turns "&nbsp;" in signatures into U+00A0
// and French typography puts U+202F in numbers and before ':'.
func TestNoBreakSpaces(t *testing.T) {
	r := redact.Default()
	for _, tc := range []struct{ in, want string }{
		{"Tel.:\u00a0+49\u00a030\u00a01234567", "Tel.:\u00a0[PHONE]"},
		{"tel\u00a0020\u00a07946\u00a00958", "tel\u00a0[PHONE]"},
		{"01\u202f23\u202f45\u202f67\u202f89", "[PHONE]"},
		{"phone: 555\u00a01234\u00a0567", "phone: [PHONE]"},
		{"Tél.\u00a0:\u00a0612\u00a034\u00a056\u00a078", "Tél.\u00a0:\u00a0[PHONE]"},
		{"+33\u00a01\u00a023\u00a045\u00a067\u00a089.", "[PHONE]."},
		{"2024\u00a001\u00a015 voilà 612 34 56 78", "2024\u00a001\u00a015 voilà 612 34 56 78"},
		// Card numbers too, with spaces and no-break spaces mixed.
		{"card 4242\u00a04242\u00a04242\u00a04242.", "card [CREDIT_CARD]."},
		{"Amex 3782\u00a0822463\u00a010005", "Amex [CREDIT_CARD]"},
		{"4242\u00a04242 4242 4242", "[CREDIT_CARD]"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q want %q", tc.in, got, tc.want)
		}
		checkMatches(t, tc.in, tc.in, r.Find(tc.in))
	}
}

func TestEmail(t *testing.T) {
	pos := []string{
		"jane.doe@example.com", "j+tickets@sub.example.co.uk", "o'hara@example.org"[2:],
		"user_name-1@example-mail.de", "x@example.io", "Jane.Doe@Example.COM",
		"user@xn--bcher-kva.example",
		// Internationalized addresses from the Universal Acceptance
		// Steering Group's test cases (UASG 004, "Use Cases for UA
		// Readiness Evaluation"), and one IDN domain with an ASCII TLD.
		"用户@例子.广告", "अजय@डाटा.भारत", "квіточка@пошта.укр", "θσέρ@εχαμπλε.ψομ",
		"info@bücher.example", "jane@пример.рф",
	}
	neg := []string{"user@localhost", "@example.com", "jane@", "a..b@example.com", "jane.@example.com", "jane@example.c", "jane@-example.com", "****@*****e.com",
		"用户@例子",       // one label
		"jane@例子.广",   // a one-letter top-level domain
		"jane@例子.рф1", // a digit in the top-level domain
	}
	checkKind(t, redact.KindEmail, pos, neg)

	// Where an address ends: before the '_' that closes Markdown or Slack
	// italics, which no domain holds, and where an ASCII top-level domain
	// meets Japanese or Chinese text, which has no spaces. An address that
	// runs on into a word ("_backup") is an identifier.
	r := redact.Default()
	for _, tc := range []struct{ in, want string }{
		{"see _jane.doe@example.com_ here", "see [EMAIL]_ here"},
		{"jane.doe@example.com_", "[EMAIL]_"},
		{"jane.doe@example.comです", "[EMAIL]です"},
		{"連絡先はt.nguyen@corp.example.netまで", "連絡先は[EMAIL]まで"},
		{"jane@example.com_backup", "jane@example.com_backup"},
		// URL-encoded in a query string (RFC 3986 section 2.1: "%40"
		// is '@', "%2B" '+'), as access logs print it.
		{"GET /reset?email=jane.doe%40example.com&x=1", "GET /reset?email=[EMAIL]&x=1"},
		{"q=jane%2Bdoe%40example.co.uk", "q=[EMAIL]"},
		{"100%40 of them", "100%40 of them"},
		// Encoded delimiters before it are not part of the local part.
		{"?next=%2Fprofile%3Femail%3Djane%40example.com", "?next=%2Fprofile%3Femail%3D[EMAIL]"},
		{"**jane@example.com** and __jane@example.com__", "**[EMAIL]** and [EMAIL]__"},
		{"jane@example.comé", "jane@example.comé"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
}

func TestSecret(t *testing.T) {
	r := redact.Default()
	jwt := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" // the example token of https://jwt.io
	for _, tc := range []struct{ in, want string }{
		{"Authorization: Bearer " + jwt, "secret:" + jwt},
		{"token " + jwt + " expired", "secret:" + jwt},
		{"Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543", "secret:8f14e45fceea167a5a36dedd4bea2543"},
		{"authorization: bearer ya29.a0AfH6SMB-xyz", "secret:ya29.a0AfH6SMB-xyz"},
		{"Authorization: Basic dXNlcjpwYXNzd29yZA==", "secret:dXNlcjpwYXNzd29yZA=="},
		{"password=hunter2", "secret:hunter2"},
		{"db_password = s3cr3t!", "secret:s3cr3t!"},
		{`{"api_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc"}`, "secret:sk_test_4eC39HqLyjWDarjtT1zdp7dc"},
		{"X-Auth-Token: 0a1b2c3d4e5f", "secret:0a1b2c3d4e5f"},
		{"token: 9f8e7d6c", "secret:9f8e7d6c"},
		{"?user=bob&api-key=abc123&x=1", "secret:abc123"},
		// AWS's documented example key ID
		// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html).
		{"aws key AKIAIOSFODNN7EXAMPLE leaked", "secret:AKIAIOSFODNN7EXAMPLE"},
		{"postgres://admin:pa55w0rd@db.internal:5432/app", "secret:admin:pa55w0rd"},
		{"https://user:pass@example.com/x", "secret:user:pass"},
		// A value after a credential key is a secret however short,
		// with a space after the separator or not.
		{"password: p@ss", "secret:p@ss"},
		{"token: ab@cd", "secret:ab@cd"},
		{"password= p@ss", "secret:p@ss"},
		{"password=p@ss", "secret:p@ss"},
		{"password:p@ss", "secret:p@ss"},
		{"pwd: 1234", "secret:1234"},
		{"api_key: k1", "secret:k1"},
		{"password = x", "secret:x"},
		{"token= c2VjcmV0==", "secret:c2VjcmV0=="},
		// An empty value before the next pair or flag, and JSON null.
		{"password= user=bob", ""},
		{"./run --password= --user bob", ""},
		{`{"token":null,"password":""}`, ""},
		// Prose and look-alikes.
		{"Password: please reset it", ""},
		{"Token: Expired", ""},
		{"forgot password: yes", ""},
		{"password: none.", ""},
		// A plain word that ends the value is a password all the same.
		{"password: letmein", "secret:letmein"},
		{"Password: Changeme\n", "secret:Changeme"},
		{`token: hunter, thanks`, "secret:hunter"},
		{"the bearer of this letter", ""},
		{"Basic plan costs 10 EUR", ""},
		{"https://example.com/a:b@c", ""},
		{"mailto:jane@example.com", "email:jane@example.com"},
		{"password=[SECRET]", ""},
		{"[SECRET:7f3a9c1e]", ""},
		{"AKIAIOSFODNN7EXAMPL", ""},
		{"AKIA-IOSFODNN7EXAMPLE", ""},
		{"XAKIAIOSFODNN7EXAMPLE", ""},
	} {
		if got := strings.Join(found(r, tc.in), " "); got != tc.want {
			t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
	// Every prefix of an access key ID that AWS documents for the key
	// kinds the detector covers ("Unique identifiers" in
	// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html),
	// at the start of the text, after a space and after another value.
	for _, p := range []string{"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA"} {
		id := p + "IOSFODNN7EXAMPLE"
		for _, in := range []string{id, "key " + id + " leaked", "jane@example.com," + id} {
			if got := found(r, in); len(got) == 0 || got[len(got)-1] != "secret:"+id {
				t.Errorf("Find(%q) = %q want secret:%s last", in, got, id)
			}
		}
		if got := found(r, "x"+id); len(got) != 0 {
			t.Errorf("Find(%q) = %q want nothing: inside a word", "x"+id, got)
		}
	}
	pem := "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END RSA PRIVATE KEY-----"
	in := "key:\n" + pem + "\nthanks"
	if got := r.Redact(in); got != "key:\n[SECRET]\nthanks" {
		t.Errorf("Redact(PEM block) = %q", got)
	}
	cert := "-----BEGIN CERTIFICATE-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END CERTIFICATE-----"
	if got := found(r, cert); len(got) != 0 {
		t.Errorf("Find(certificate) = %q want nothing: certificates are public", got)
	}
	// A key block at the start of the text, after a dash and right after
	// another value.
	for _, in := range []string{pem, "-" + pem, "--" + pem, "jane@example.com" + pem, "x-" + pem} {
		want := strings.Replace(in, pem, "[SECRET]", 1)
		want = strings.Replace(want, "jane@example.com", "[EMAIL]", 1)
		if got := r.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q want %q", in, got, want)
		}
	}
	// A custom detector that starts with '-' makes the scanner stop at
	// every dash; key blocks are still found, and so are its values.
	flag, err := redact.New(redact.WithDetector(redact.Detector{
		Kind:  "cli_flag",
		Start: "-",
		Match: func(s string) int {
			if strings.HasPrefix(s, "--token=") {
				return len("--token=") + len(strings.Fields(s[len("--token="):] + " ")[0])
			}
			return 0
		},
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := flag.Redact("run --token=abc x-"+pem), "run [CLI_FLAG] x-[SECRET]"; got != want {
		t.Errorf("Redact with a '-' detector = %q want %q", got, want)
	}
	open := "-----BEGIN PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n(truncated)"
	if got := r.Redact(open); got != "[SECRET]\n(truncated)" {
		t.Errorf("Redact(PEM without END) = %q", got)
	}
}

// TestURLCredentials checks that the user information of a URL is one
// secret whatever stands before the scheme, and never an e-mail address.
func TestURLCredentials(t *testing.T) {
	r := redact.Default()
	const url = "https://admin:s3cr3t@db.example.com/"
	for _, prefix := range []string{"", "-", "_", "*", "x-", "(", "1", "é", "«", "url=", "aaaaaaaaaaaaaaaaaaaa", "--db=", "'"} {
		in := prefix + url
		if got, want := strings.Join(found(r, in), " "), "secret:admin:s3cr3t"; got != want {
			t.Errorf("Find(%q) = %q want %q", in, got, want)
		}
		if got, want := r.Redact(in), prefix+"https://[SECRET]@db.example.com/"; got != want {
			t.Errorf("Redact(%q) = %q want %q", in, got, want)
		}
	}
	for _, in := range []string{"1.2://admin:s3cr3t@db.example.com/", "-://admin:s3cr3t@db"} {
		if got := found(r, in); slices.Contains(got, "secret:admin:s3cr3t") {
			t.Errorf("Find(%q) = %q: no scheme, no URL credentials", in, got)
		}
	}
}

// TestSecretKeyWords checks that a key=value secret is found when the
// key's last word, split at '-', '_', '.' and camelCase, or its last two
// words written as one, names a credential, and only then.
func TestSecretKeyWords(t *testing.T) {
	r := redact.Default()
	for _, tc := range []struct{ in, want string }{
		{"accessToken=ya29.a0AfH6SM", "secret:ya29.a0AfH6SM"},
		{"refreshToken=1//0gLk9Yk2c", "secret:1//0gLk9Yk2c"},
		{"clientSecret: GOCSPX-abc123", "secret:GOCSPX-abc123"},
		{`{"sessionToken":"s3ss10n"}`, "secret:s3ss10n"},
		{"X-Api-Key: 3f9a7c2e1b8d", "secret:3f9a7c2e1b8d"},
		{"apiKey=Zx81Qw7Lm3", "secret:Zx81Qw7Lm3"},
		{"APIKey=Zx81Qw7Lm3", "secret:Zx81Qw7Lm3"},
		{"secretKey=Zx81Qw7Lm3", "secret:Zx81Qw7Lm3"},
		{"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI", "secret:wJalrXUtnFEMI"},
		{"myPassword=hunter2", "secret:hunter2"},
		{"spring.datasource.password=changeit", "secret:changeit"},
		{"tokenizer=bpe50k", ""},
		{"passwordless_enabled=true", ""},
		{"author=jdoe42", ""},
		{"tokenCount=4096", ""},
		{"publicKey=MFkwEwYH", ""},
		{"aws_access_key_id=xyz123abc", ""},
		// Keys written as one lower-case word: Django's CSRF cookie
		// (https://docs.djangoproject.com/en/stable/ref/csrf/, cookie
		// "csrftoken") and its session cookie ("sessionid").
		{"csrftoken=Vc4pKxr2Q7", "secret:Vc4pKxr2Q7"},
		{"sessionid=8c2f0e7b1a", "secret:8c2f0e7b1a"},
		// Cookie headers (RFC 6265 sections 4.1 and 4.2, whose examples
		// these are): the value to the end of the line.
		{"Cookie: SID=31d4d96e407aad42; lang=en-US", "secret:SID=31d4d96e407aad42; lang=en-US"},
		{"Set-Cookie: SID=31d4d96e407aad42; Path=/; Secure; HttpOnly", "secret:SID=31d4d96e407aad42; Path=/; Secure; HttpOnly"},
		{"the cookie: it was stale", ""},
		{`curl -H "Cookie: SID=31d4d96e407aad42" https://example.com`, "secret:SID=31d4d96e407aad42"},
		{`{"Cookie": "SID=31d4d96e407aad42; lang=en-US"}`, "secret:SID=31d4d96e407aad42; lang=en-US"},
		{"cookie=31d4d96e407aad42", "secret:31d4d96e407aad42"},
		{"cookie=true password=none", ""},
		// .env files: PostgreSQL's PGPASSWORD (libpq environment
		// variables), Rails's SECRET_KEY_BASE and the usual DB_PASS.
		{"PGPASSWORD=s3cr3t psql -h db", "secret:s3cr3t"},
		{"SECRET_KEY_BASE=9f8e7d6c5b4a", "secret:9f8e7d6c5b4a"},
		{"export DB_PASS=hunter2", "secret:hunter2"},
		{"ENCRYPTION_KEY=abcdef123", "secret:abcdef123"},
		{"pass=12 fail=0 keybase_username=bob", ""},
		// curl's -u and --user options (curl(1): "-u, --user
		// <user:password>").
		{"curl -u admin:s3cr3t https://api.example.com", "secret:admin:s3cr3t"},
		{`curl --user "admin:s3cr3t" -X POST`, "secret:admin:s3cr3t"},
		{"curl --user=bob:pw1", "secret:bob:pw1"},
		{"-u 10:30 --user-agent a:b x-u a:b", ""},
		{"Cookie: please accept the cookies", ""},
		// Vendor tokens, in the formats their issuers document (see
		// vendorTokens in vendor.go): a GitHub token of the shape of the
		// GitHub blog's example, Stripe's documented test secret key, and
		// the others built to their published prefix and length.
		{"token ghp_16C7e42F292c6912E7710c838347Ae178B4a ok", "secret:ghp_16C7e42F292c6912E7710c838347Ae178B4a"},
		{"GITHUB_TOKEN ghs_16C7e42F292c6912E7710c838347Ae178B4a", "secret:ghs_16C7e42F292c6912E7710c838347Ae178B4a"},
		{"ghr_16C7e42F292c6912E7710c838347Ae178B4a", "secret:ghr_16C7e42F292c6912E7710c838347Ae178B4a"},
		{"github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
			"secret:github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345"},
		{"bot xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "secret:xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"},
		{"key sk_test_4eC39HqLyjWDarjtT1zdp7dc.", "secret:sk_test_4eC39HqLyjWDarjtT1zdp7dc"},
		{"rk_live_51H8abcdEFGHijklMNOP", "secret:rk_live_51H8abcdEFGHijklMNOP"},
		{"glpat-AbCdEfGh1jKlMnOpQrSt", "secret:glpat-AbCdEfGh1jKlMnOpQrSt"},
		{"key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI", "secret:AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI"},
		{"AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI", "secret:AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI"},
		{"npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "secret:npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"},
		{"sk-proj-aBcDeFgHiJkLmNoPqRsTuVwXyZ012345", "secret:sk-proj-aBcDeFgHiJkLmNoPqRsTuVwXyZ012345"},
		// Publishable keys, prefixes in words, too short bodies.
		{"pk_live_4eC39HqLyjWDarjtT1zdp7dc", ""},
		{"xghp_16C7e42F292c6912E7710c838347Ae178B4a", ""},
		{"ghp_short", ""},
		{"risk-free ask-me-anything task_list desk-top", ""},
		{"sk-abc", ""},
	} {
		if got := strings.Join(found(r, tc.in), " "); got != tc.want {
			t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
}

// TestFindInContext covers values in the places tickets and logs put them:
// CSV fields, key:value without a space, JSON, URLs and paths, ranges and
// extensions, and look-alikes there that must stay alone. Card numbers are
// Stripe's and Braintree's published test numbers, IP addresses come from
// the RFC 5737 documentation ranges and phone numbers from the NANP's
// fictional 555-01xx range.
func TestFindInContext(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// CSV rows: a comma without a space ends a field.
		{`10234,"Doe, Jane",jane.doe@example.com,+1-202-555-0143,2026-11-23,4111111111111111`,
			[]string{"email:jane.doe@example.com", "phone:+1-202-555-0143", "credit_card:4111111111111111"}},
		{"+1-202-555-0143,4111111111111111", []string{"phone:+1-202-555-0143", "credit_card:4111111111111111"}},
		{"2026-11-23,4111111111111111", []string{"credit_card:4111111111111111"}},
		{"+33 1 23 45 67 89,2026-11-21", []string{"phone:+33 1 23 45 67 89"}},
		{"EUR 1,299 and 1,234,567 and 1.234,56", nil},
		{"+33 1 23 45 67 89,123", nil}, // ",123" may be thousands: the number is unclear
		// The host of a URL with credentials.
		{"postgres://app:pa55w0rd@10.0.0.5:5432/tickets?sslmode=require", []string{"secret:app:pa55w0rd", "ipv4:10.0.0.5"}},
		{"amqp://queue_user:qu3u3P4ss@198.51.100.20:5672/vhost", []string{"secret:queue_user:qu3u3P4ss", "ipv4:198.51.100.20"}},
		{"ssh root@192.0.2.44", []string{"ipv4:192.0.2.44"}},
		// key:value without a space.
		{"IP:203.0.113.1, ip=203.0.113.2; from 10.1.2.3.", []string{"ipv4:203.0.113.1", "ipv4:203.0.113.2", "ipv4:10.1.2.3"}},
		{"SSN:536-22-1807 x:536-22-1807", []string{"us_ssn:536-22-1807", "us_ssn:536-22-1807"}},
		{"phone:2025550149 card:4242424242424242", []string{"phone:2025550149", "credit_card:4242424242424242"}},
		{"at 10:30 and 12:30:45 the job 12:2025550149 ran", nil},
		{"pseudonyms [PHONE:98889007] and [US_SSN:53622180] stay", nil},
		// Address ranges.
		{"Range 10.0.0.1-10.0.0.254, host 203.0.113.3/32.", []string{"ipv4:10.0.0.1", "ipv4:10.0.0.254", "ipv4:203.0.113.3"}},
		{"version 10.0.0.1-5 and 1.2.3.4-10.0.0", nil},
		// A card number in a request path; versions after a product stay.
		{"GET /v1/cards/4242424242424242/charges?limit=10 HTTP/1.1 200 1532ms", []string{"credit_card:4242424242424242"}},
		{"Chrome/120.0.6099.109 and build/4242424242424241", nil}, // the second fails Luhn
		// A card in one run after another number: lists of test cards.
		{"Three in a row: 6011111111111117 6011000990139424 3566002020360505",
			[]string{"credit_card:6011111111111117", "credit_card:6011000990139424", "credit_card:3566002020360505"}},
		{"item 7 4242424242424242 and Visa 13 4222222222222", []string{"credit_card:4242424242424242", "credit_card:4222222222222"}},
		{"IBAN DE89 3704 0044 0532 0130 00", []string{"iban:DE89 3704 0044 0532 0130 00"}},
		{"Qty 2 4242424242424242 and item 3 5555 5555 5555 4444 (order sheet).",
			[]string{"credit_card:4242424242424242", "credit_card:5555 5555 5555 4444"}},
		// No card has five groups of four; a date after four groups is fine.
		{"4242 4242 4242 4242 4242 is 20 digits", nil},
		{"card 4242 4242 4242 4242 12/26", []string{"credit_card:4242 4242 4242 4242"}},
		// SPF mechanisms and SMTP address literals (RFC 7208, RFC 5321
		// 4.1.3); addresses from RFC 5737 and RFC 3849.
		{`TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 include:_spf.example.net ~all"`,
			[]string{"ipv4:192.0.2.0", "ipv4:198.51.100.7", "ipv6:2001:db8::"}},
		{"Received: from [IPv6:2001:db8::25] by mx.example.com; from [192.0.2.25]", []string{"ipv6:2001:db8::25", "ipv4:192.0.2.25"}},
		{"IPv6:2001:db8::1 addr:fe80::1%eth0 ip4:192.0.2.3", []string{"ipv6:2001:db8::1", "ipv6:fe80::1%eth0", "ipv4:192.0.2.3"}},
		{"x 1:2:3:4:5:6:7:8:9 and time 14:22:05 ts:12:30:45", nil},
		// Lists and CSV rows without spaces.
		{"192.0.2.1,192.0.2.2,2001:db8::1,::1", []string{"ipv4:192.0.2.1", "ipv4:192.0.2.2", "ipv6:2001:db8::1", "ipv6:::1"}},
		{"48213,536-22-1815,1984-03-07,20500-0003,(202) 555-0159", []string{"us_ssn:536-22-1815", "phone:(202) 555-0159"}},
		{"12,345,678 and 1,234.56", nil},
		// Extensions written right after the number.
		{"alt (202)555-0145 or 202-555-0146x123.", []string{"phone:(202)555-0145", "phone:202-555-0146x123"}},
		{"202-555-0146ext.5", []string{"phone:202-555-0146ext.5"}},
		{"202-555-0146abc", nil},
		{"202-555-0164x (extension left blank)", []string{"phone:202-555-0164"}},
		// Labels in JSON.
		{`{"name":"Jane","phone":2025550149,"amount":2025550150,"zip":"20500"}`, []string{"phone:2025550149"}},
		{`"phone": "2025550149"`, []string{"phone:2025550149"}},
		{`'mobile': '2025550149'`, []string{"phone:2025550149"}},
		{`"amount": "2025550149"`, nil},
		// Reference numbers that end in a date are no national phone numbers.
		{"Call 1 (888) 555-0123 option 3, then enter case 04-2026-11-23.", []string{"phone:1 (888) 555-0123"}},
		{"Tel 030 1234 5678", []string{"phone:030 1234 5678"}},
		// A label that names another number: the Japanese-looking case
		// number and the Service Canada example SIN are no phone numbers.
		{"neither is case 08-2026-1123.", nil},
		{"SIN 046 454 286 (Canada)", nil},
		{"Ticket #030 1234 5678, order no. 020 7946 0958", nil},
		{"Tel 08-2026-1123, call 030 1234 5678", []string{"phone:08-2026-1123", "phone:030 1234 5678"}},
		// File names with '@' are no addresses.
		{"https://cdn.example.com/img/logo@2x.png?v=1.2.3", nil},
		{"see icon@3x.webp and sprite@2x.svg", nil},
		{"mail jane@example.com.png", []string{"email:jane@example.com"}},
		// A non-ASCII local part is taken whole.
		{"Mon adresse : élodie.martin@example.fr n'est pas acceptée, utilisez elodie.martin@example.fr.",
			[]string{"email:élodie.martin@example.fr", "email:elodie.martin@example.fr"}},
		{"José.Müller@example.de", []string{"email:José.Müller@example.de"}},
		{"—jane@example.com", []string{"email:jane@example.com"}}, // an em dash is no letter
		// Masked values are no secrets.
		{"password: ******** (masked by the agent), pin: ****.", nil},
		{`password=**** "api_key": "****ab12"`, nil},
	}
	r := redact.Default()
	for _, tc := range tests {
		expectFound(t, r, tc.in, tc.want)
	}
}

// TestMaskedSecretNotFoundAgain checks that the output of Mask is not
// detected again for key=value secrets, as the package documentation
// promises for masks.
func TestMaskedSecretNotFoundAgain(t *testing.T) {
	for _, keep := range []int{0, 2, 4} {
		r, err := redact.New(redact.WithOperator(redact.KindSecret, redact.Mask(keep)))
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []string{"password: hunter22", "password=hunter22", `"token": "s3cr3t-t0ken"`} {
			out := r.Redact(in)
			if out == in {
				t.Errorf("Mask(%d).Redact(%q) = %q: nothing masked", keep, in, out)
			}
			if m := r.Find(out); m != nil {
				t.Errorf("Mask(%d): Find(Redact(%q) = %q) = %v want nothing", keep, in, out, m)
			}
		}
	}
}
