package redact_test

import (
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// runOf returns a Match that takes the longest prefix of bytes in set, if
// it is at least min bytes long.
func runOf(set string, minLen int) func(string) int {
	return func(s string) int {
		n := 0
		for n < len(s) && strings.IndexByte(set, s[n]) >= 0 {
			n++
		}
		if n < minLen {
			return 0
		}
		return n
	}
}

// TestCustomDetectorOverlap checks the order the package doc gives for
// overlapping matches with custom detectors: checksummed kinds first, then
// validated ones (custom detectors with Validate among them), then ipv4
// and ipv6, then phone, then custom detectors without Validate; among
// equals the longer match wins. A custom value that fails Validate leaves
// the text to the built-in kinds.
func TestCustomDetectorOverlap(t *testing.T) {
	const digits = "0123456789"
	yes := func(string) bool { return true }
	no := func(string) bool { return false }
	// A '+' and digits with single spaces between them.
	phoneRun := func(s string) int {
		n := runOf("+"+digits+" ", 8)(s)
		return len(strings.TrimRight(s[:n], " "))
	}
	tests := []struct {
		name string
		d    redact.Detector
		in   string
		want string
	}{
		{
			"plain custom loses to a card",
			redact.Detector{Kind: "order_no", Start: digits, Match: runOf(digits, 10)},
			"ref 4242424242424242 ok",
			"credit_card:4242424242424242",
		},
		{
			"validated custom loses to a card",
			redact.Detector{Kind: "order_no", Start: digits, Match: runOf(digits+" ", 10), Validate: yes},
			"ref 4242 4242 4242 4242 ok",
			"credit_card:4242 4242 4242 4242",
		},
		{
			"plain custom loses to a phone",
			redact.Detector{Kind: "dialled", Start: "+", Match: phoneRun},
			"call +44 20 7946 0958 today",
			"phone:+44 20 7946 0958",
		},
		{
			"validated custom beats a phone",
			redact.Detector{Kind: "dialled", Start: "+", Match: phoneRun, Validate: yes},
			"call +44 20 7946 0958 today",
			"dialled:+44 20 7946 0958",
		},
		{
			"a custom value that fails Validate leaves the phone",
			redact.Detector{Kind: "dialled", Start: "+", Match: phoneRun, Validate: no},
			"call +44 20 7946 0958 today",
			"phone:+44 20 7946 0958",
		},
		{
			"plain custom loses to an address",
			redact.Detector{Kind: "host_ref", Start: digits, Match: runOf(digits+".", 7)},
			"from 192.0.2.7 again",
			"ipv4:192.0.2.7",
		},
		{
			"validated custom beats an address",
			redact.Detector{Kind: "host_ref", Start: digits, Match: runOf(digits+".", 7), Validate: yes},
			"from 192.0.2.7 again",
			"host_ref:192.0.2.7",
		},
		{
			"validated equals: the longer email wins over a shorter custom",
			redact.Detector{Kind: "handle", Start: "j", Match: runOf("jane.do", 4), Validate: yes},
			"mail jane.doe@example.com now",
			"email:jane.doe@example.com",
		},
		{
			"validated equals: a longer custom wins over the email inside it",
			redact.Detector{Kind: "login", Start: "u", Match: runOf("user/jane.do@exampl.cm", 10), Validate: yes},
			"as user/jane.doe@example.com now",
			"login:user/jane.doe@example.com",
		},
		{
			"plain custom loses to the email inside it",
			redact.Detector{Kind: "login", Start: "u", Match: runOf("user/jane.do@exampl.cm", 10)},
			"as user/jane.doe@example.com now",
			"email:jane.doe@example.com",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustNew(t, redact.WithDetector(tc.d))
			got := strings.Join(found(r, tc.in), " ")
			if got != tc.want {
				t.Errorf("Find(%q) = %q want %q", tc.in, got, tc.want)
			}
			checkMatches(t, tc.name, tc.in, r.Find(tc.in))
			// Redaction agrees with Find and is idempotent.
			out := r.Redact(tc.in)
			if again := r.Redact(out); again != out {
				t.Errorf("Redact not idempotent: %q then %q", out, again)
			}
			kind := tc.want[:strings.IndexByte(tc.want, ':')]
			if label := "[" + strings.ToUpper(kind) + "]"; !strings.Contains(out, label) {
				t.Errorf("Redact(%q) = %q, no %s", tc.in, out, label)
			}
		})
	}
}

// TestCustomDetectorBadLengths checks that a Match result the doc counts
// as no match is ignored without a panic: longer than its argument, or
// ending inside a UTF-8 sequence; and that Match never sees more than
// MaxLen bytes or text past the end of the line.
func TestCustomDetectorBadLengths(t *testing.T) {
	for _, tc := range []struct {
		name  string
		match func(string) int
	}{
		{"longer than the argument", func(s string) int { return len(s) + 1 }},
		{"negative", func(string) int { return -3 }},
		{"inside a UTF-8 sequence", func(s string) int {
			if i := strings.Index(s, "é"); i >= 0 {
				return i + 1
			}
			return 0
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustNew(t, redact.WithDetector(redact.Detector{Kind: "bad", Start: "R", Match: tc.match}))
			in := "REF-café and jane@example.com"
			if got := strings.Join(found(r, in), " "); got != "email:jane@example.com" {
				t.Errorf("Find(%q) = %q want only the email", in, got)
			}
		})
	}
	var longest int
	var sawLF bool
	r := mustNew(t, redact.WithDetector(redact.Detector{Kind: "probe", Start: "P", MaxLen: 16, Match: func(s string) int {
		longest = max(longest, len(s))
		sawLF = sawLF || strings.ContainsRune(s, '\n')
		return 0
	}}))
	r.Find("P" + strings.Repeat("x", 100) + "\nP\nPQ " + strings.Repeat("y", 40))
	if longest != 16 {
		t.Errorf("Match saw at most %d bytes, want MaxLen 16", longest)
	}
	if sawLF {
		t.Errorf("Match saw a line feed")
	}
}
