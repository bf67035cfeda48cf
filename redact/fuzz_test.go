package redact_test

import (
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", "jane@example.com", "4242 4242 4242 4242", "+44 20 7946 0958", "(202) 555-0143",
		"DE89 3704 0044 0532 0130 00", "192.0.2.1:80", "[2001:db8::1]:443", "fe80::1%eth0.",
		"123-45-6789", "password=hunter2 next", "Bearer abc123def456", "AKIAIOSFODNN7EXAMPLE",
		"https://u:p@h.example", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
		"Tel: 5551234567", "[EMAIL] [CREDIT_CARD:7f3a9c1e] **** **** **** 4242", "é@é.com 4242\u00a04242",
		"password= p@ss y", "token: ab@cd", "accessToken=ya29 X-Api-Key: k1", "-https://u:p@h.example/",
		"OID 2.5.29.17 .1.3.6.1 Python 3.12.1.0", "a[::2] ::1", "SSN: 078 05 1120",
		"?email=jane.doe%40example.com&x=1", "+14155552671 10:30", "password=4242 4242 4242 4242",
	} {
		f.Add(s)
	}
}

// FuzzFind checks that Find never panics, returns ordered, non-overlapping
// matches on UTF-8 boundaries, and agrees with Redact on []byte input.
func FuzzFind(f *testing.F) {
	fuzzSeeds(f)
	r := redact.Default()
	f.Fuzz(func(t *testing.T, s string) {
		ms := r.Find(s)
		checkMatches(t, "fuzz", s, ms)
		if got, want := string(r.RedactBytes([]byte(s))), r.Redact(s); got != want {
			t.Fatalf("RedactBytes(%q) = %q, Redact = %q", s, got, want)
		}
	})
}

// FuzzRedact checks, for every operator, that redaction is idempotent and
// leaves no detected value behind (unless the same text also stands
// outside the values, or the mask keeps it by design).
func FuzzRedact(f *testing.F) {
	fuzzSeeds(f)
	key := []byte("0123456789abcdef0123456789abcdef")
	rs := []*redact.Redactor{redact.Default()}
	for _, op := range []redact.Operator{redact.Remove(), redact.Pseudonym(key), redact.Mask(4)} {
		r, err := redact.New(redact.WithDefaultOperator(op))
		if err != nil {
			f.Fatal(err)
		}
		rs = append(rs, r)
	}
	// A custom detector that claims parts of words, addresses and
	// secrets, so that overlaps with the built-in kinds are frequent.
	words := redact.Detector{
		Kind:  "word_ref",
		Start: "abcdefghijklmnopqrstuvwxyz",
		Match: func(s string) int {
			n := 0
			for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] == '.' || s[n] == '-') {
				n++
			}
			if n == 64 {
				return 0 // the run may go on past the window
			}
			return n * min(1, n/4)
		},
		MaxLen:   64,
		Validate: func(v string) bool { return len(v)%2 == 0 },
	}
	r, err := redact.New(redact.WithDetector(words))
	if err != nil {
		f.Fatal(err)
	}
	rs = append(rs, r)
	f.Fuzz(func(t *testing.T, s string) {
		for k, r := range rs {
			once := r.Redact(s)
			if twice := r.Redact(once); twice != once {
				t.Fatalf("redactor %d: Redact(%q) = %q, again %q", k, s, once, twice)
			}
			if k == 3 {
				continue // the mask keeps characters by design
			}
			ms := r.Find(s)
			// The text outside the values, which may hold a value's text
			// of its own. Remove (redactor 1) joins the pieces, and can
			// join them into a value's text: "0@\xc6" + "0@Ʃ.JA" +
			// "\xa9.JA0" leaves "0@Ʃ.JA0", all of it from outside.
			var rest strings.Builder
			last := 0
			for _, m := range ms {
				rest.WriteString(s[last:m.Start])
				if k != 1 {
					rest.WriteByte(0)
				}
				last = m.End
			}
			rest.WriteString(s[last:])
			for _, m := range ms {
				v := s[m.Start:m.End]
				if len(v) >= 6 && strings.Contains(once, v) && !strings.Contains(rest.String(), v) {
					t.Fatalf("redactor %d: Redact(%q) = %q still holds %s %q", k, s, once, m.Kind, v)
				}
			}
		}
	})
}

// FuzzWriter checks that the streaming Writer, fed in two pieces, gives
// what Redact gives for the whole text.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"card 4242 4242 4242 4242\nmail jane@example.com", "x\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"} {
		f.Add(s, 7)
	}
	r := redact.Default()
	f.Fuzz(func(t *testing.T, s string, cut int) {
		if cut < 0 || cut > len(s) {
			return
		}
		var out strings.Builder
		w := r.Writer(&out)
		w.Write([]byte(s[:cut]))
		w.Write([]byte(s[cut:]))
		w.Close()
		if want := r.Redact(s); out.String() != want {
			t.Fatalf("Writer(%q split at %d) = %q want %q", s, cut, out.String(), want)
		}
	})
}
