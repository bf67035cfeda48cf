package redact_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// corpusLine is one message of testdata/corpus.txt with its markup removed.
type corpusLine struct {
	text string
	want []redact.Match
}

// readCorpus parses testdata/corpus.txt: one message per line, each value
// to detect written {{kind:value}}, lines starting with '#' ignored.
func readCorpus(t testing.TB) []corpusLine {
	t.Helper()
	f, err := os.Open("testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var b strings.Builder
		var want []redact.Match
		for {
			i := strings.Index(line, "{{")
			if i < 0 {
				b.WriteString(line)
				break
			}
			b.WriteString(line[:i])
			j := strings.Index(line[i:], "}}")
			k := strings.IndexByte(line[i:], ':')
			if j < 0 || k < 0 || k > j {
				t.Fatalf("corpus line %d: bad markup in %q", n, line)
			}
			kind, value := line[i+2:i+k], line[i+k+1:i+j]
			want = append(want, redact.Match{Kind: redact.Kind(kind), Start: b.Len(), End: b.Len() + len(value)})
			b.WriteString(value)
			line = line[i+j+2:]
		}
		out = append(out, corpusLine{b.String(), want})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCorpusPrecisionRecall measures precision and recall per kind on the
// labelled corpus: a found value counts as a true positive only with the
// right kind and exactly the marked span.
func TestCorpusPrecisionRecall(t *testing.T) {
	lines := readCorpus(t)
	if len(lines) < 300 {
		t.Fatalf("corpus has %d messages, want at least 300", len(lines))
	}
	type score struct{ tp, fp, fn int }
	scores := map[redact.Kind]*score{}
	get := func(k redact.Kind) *score {
		if scores[k] == nil {
			scores[k] = &score{}
		}
		return scores[k]
	}
	r := redact.Default()
	for _, l := range lines {
		got := r.Find(l.text)
		hit := map[redact.Match]bool{}
		for _, m := range got {
			hit[m] = true
		}
		exp := map[redact.Match]bool{}
		for _, m := range l.want {
			exp[m] = true
			if hit[m] {
				get(m.Kind).tp++
			} else {
				get(m.Kind).fn++
				t.Logf("missed %s %q in %q", m.Kind, l.text[m.Start:m.End], l.text)
			}
		}
		for _, m := range got {
			if !exp[m] {
				get(m.Kind).fp++
				t.Logf("false %s %q in %q", m.Kind, l.text[m.Start:m.End], l.text)
			}
		}
	}
	kinds := []redact.Kind{redact.KindEmail, redact.KindPhone, redact.KindCreditCard, redact.KindIBAN, redact.KindIPv4, redact.KindIPv6, redact.KindUSSSN, redact.KindSecret}
	for _, k := range kinds {
		s := get(k)
		if s.tp+s.fn == 0 {
			t.Errorf("corpus has no %s values", k)
			continue
		}
		precision := float64(s.tp) / float64(max(1, s.tp+s.fp))
		recall := float64(s.tp) / float64(s.tp+s.fn)
		t.Logf("%-12s TP %4d  FP %3d  FN %3d  precision %.3f  recall %.3f", k, s.tp, s.fp, s.fn, precision, recall)
		if precision < 0.98 || recall < 0.98 {
			t.Errorf("%s: precision %.3f, recall %.3f, want both >= 0.98", k, precision, recall)
		}
	}
}
