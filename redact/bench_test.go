package redact_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// ordinaryText is about 1 MiB of ticket prose with the look-alikes of the
// corpus (timestamps, order numbers, versions, hashes, money) and one
// corpus message with personal data for every 20 plain ones.
func ordinaryText(tb testing.TB) string {
	plain := []string{
		"Hello team, the nightly export failed again at 02:15 with error 0x80070005; build v2.3.1 on Chrome 120.0.6099.109.",
		"Customer says the invoice total of EUR 1.234,56 does not match order ORD-2024-000123 placed on 2024-03-07.",
		"Ticket INC0012345 was merged into TKT-88231; the request id was 7f3a9c1e-4b2d-4f6a-9c1e-7f3a9c1e4b2d.",
		"We deployed commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b to production at 1717171717171 and rolled back.",
		"Please escalate: the dashboard shows 99.95% uptime but users report timeouts since Monday morning.",
		"Thanks for your patience, we are still investigating the issue with the mobile app on Android 14.",
	}
	lines := readCorpus(tb)
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		if i%21 == 20 {
			sb.WriteString(lines[(i/21)%len(lines)].text)
		} else {
			sb.WriteString(plain[i%len(plain)])
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// denseText is about 1 MiB of the corpus messages, each holding one or
// more values to redact.
func denseText(tb testing.TB) string {
	lines := readCorpus(tb)
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(lines[i%len(lines)].text)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// regexpBaseline is the obvious approach the scanner is measured against:
// one regular expression per kind, each run over the whole text. It only
// counts the regexp matches: the checksum validators that would then sort
// out cards and IBANs are left out, which can only make it faster than a
// real regexp detector, so the ratio in the README is a lower bound.
var regexpBaseline = []*regexp.Regexp{
	regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`),
	regexp.MustCompile(`\+[1-9][0-9 ().-]{7,20}[0-9]|\(?\b[2-9][0-9]{2}\)?[ .-][2-9][0-9]{2}[ .-][0-9]{4}\b|\b0[1-9][0-9]{1,4}[ /.-][0-9]{2,8}(?:[ .-][0-9]{2,8})*\b`),
	regexp.MustCompile(`\b(?:[0-9][ -]?){12,18}[0-9]\b`),
	regexp.MustCompile(`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`),
	regexp.MustCompile(`\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\b`),
	regexp.MustCompile(`(?i)\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|(?:[0-9a-f]{1,4}:){1,7}:|(?:[0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}\b|::(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b`),
	regexp.MustCompile(`\b[0-8][0-9]{2}-[0-9]{2}-[0-9]{4}\b`),
	regexp.MustCompile(`(?i)(?:password|passwd|pwd|secret|token|api[_-]?key)["']?\s*[:=]\s*["']?[^\s"',;&]+|(?i:bearer)\s+[A-Za-z0-9._~+/-]+=*|\bAKIA[A-Z0-9]{16}\b|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`),
}

func regexpFind(s string) int {
	n := 0
	for _, re := range regexpBaseline {
		n += len(re.FindAllStringIndex(s, -1))
	}
	return n
}

func benchText(b *testing.B, s string, f func(string)) {
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		f(s)
	}
}

func BenchmarkFind(b *testing.B) {
	r := redact.Default()
	ord, dense := ordinaryText(b), denseText(b)
	b.Run("ordinary", func(b *testing.B) { benchText(b, ord, func(s string) { r.Find(s) }) })
	b.Run("dense", func(b *testing.B) { benchText(b, dense, func(s string) { r.Find(s) }) })
	b.Run("regexp-ordinary", func(b *testing.B) { benchText(b, ord, func(s string) { regexpFind(s) }) })
	b.Run("regexp-dense", func(b *testing.B) { benchText(b, dense, func(s string) { regexpFind(s) }) })
}

func BenchmarkRedact(b *testing.B) {
	r := redact.Default()
	ord, dense := ordinaryText(b), denseText(b)
	b.Run("ordinary", func(b *testing.B) { benchText(b, ord, func(s string) { r.Redact(s) }) })
	b.Run("dense", func(b *testing.B) { benchText(b, dense, func(s string) { r.Redact(s) }) })
	line := "Hello team, the nightly export failed again at 02:15 with error 0x80070005; build v2.3.1."
	b.Run("line-no-match", func(b *testing.B) { benchText(b, line, func(s string) { r.Redact(s) }) })
}

func BenchmarkWriter(b *testing.B) {
	r := redact.Default()
	dense := []byte(denseText(b))
	b.SetBytes(int64(len(dense)))
	b.ReportAllocs()
	for b.Loop() {
		w := r.Writer(discard{})
		for p := dense; len(p) > 0; {
			n := min(len(p), 4096)
			w.Write(p[:n])
			p = p[n:]
		}
		w.Close()
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkNew measures building a Redactor with a custom operator: its
// byte classes and 64 KiB stop table are built once per Redactor.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := redact.New(redact.WithOperator(redact.KindCreditCard, redact.Mask(4))); err != nil {
			b.Fatal(err)
		}
	}
}
