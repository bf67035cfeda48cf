package redact_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slakit/slakit/redact"
)

// The held-out corpus (testdata/holdout*.txt) was written by hand, from the
// rules of issue 6 and the package documentation, by someone who had not read
// the detectors. Each value to be found is marked inline as ⟦kind:value⟧;
// everything else must not be reported. A record spanning several lines is
// written between a line holding only "⟪" and one holding only "⟫". Lines
// starting with '#' are comments. See the header of testdata/holdout.txt for
// the span conventions and the published sources of the sample values.
//
// testdata/holdout_known_misses.txt, when present, holds records the detectors
// are known to get wrong; they are scored and logged but not asserted on.

const (
	holdoutOpen       = "⟦"
	holdoutClose      = "⟧"
	holdoutBlockOpen  = "⟪"
	holdoutBlockClose = "⟫"
	holdoutKnownMiss  = "holdout_known_misses.txt"
	holdoutMinRatio   = 0.98
	holdoutMinSpans   = 5
	holdoutMinRecords = 200
)

// holdoutRecord is one labelled record of the corpus: the text with the
// markup removed and the spans that must be found in it.
type holdoutRecord struct {
	file string
	line int // line of the record (of its "⟪" for a block)
	text string
	want []redact.Match
}

// holdoutKinds are the kinds the corpus may label.
var holdoutKinds = []redact.Kind{
	redact.KindEmail, redact.KindPhone, redact.KindCreditCard, redact.KindIBAN,
	redact.KindIPv4, redact.KindIPv6, redact.KindUSSSN, redact.KindSecret,
}

// parseHoldoutMarkup removes the ⟦kind:value⟧ markup from s and returns the
// plain text and the labelled spans as byte offsets into it.
func parseHoldoutMarkup(s string) (string, []redact.Match, error) {
	var b strings.Builder
	var want []redact.Match
	for {
		i := strings.Index(s, holdoutOpen)
		j := strings.Index(s, holdoutClose)
		if i < 0 {
			if j >= 0 {
				return "", nil, fmt.Errorf("stray %s", holdoutClose)
			}
			b.WriteString(s)
			return b.String(), want, nil
		}
		if j < i {
			return "", nil, fmt.Errorf("stray %s", holdoutClose)
		}
		b.WriteString(s[:i])
		inner := s[i+len(holdoutOpen) : j]
		if strings.Contains(inner, holdoutOpen) {
			return "", nil, fmt.Errorf("nested %s in %q", holdoutOpen, inner)
		}
		kind, value, ok := strings.Cut(inner, ":")
		if !ok || value == "" {
			return "", nil, fmt.Errorf("label %q has no kind:value", inner)
		}
		if !slices.Contains(holdoutKinds, redact.Kind(kind)) {
			return "", nil, fmt.Errorf("label %q has unknown kind %q", inner, kind)
		}
		start := b.Len()
		b.WriteString(value)
		want = append(want, redact.Match{Kind: redact.Kind(kind), Start: start, End: b.Len()})
		s = s[j+len(holdoutClose):]
	}
}

// readHoldout parses one corpus file into records.
func readHoldout(t *testing.T, path string) []holdoutRecord {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	var recs []holdoutRecord
	add := func(line int, raw string) {
		text, want, err := parseHoldoutMarkup(raw)
		if err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		recs = append(recs, holdoutRecord{file: name, line: line, text: text, want: want})
	}
	var block []string
	blockLine := 0
	for i, l := range strings.Split(string(data), "\n") {
		n := i + 1
		switch {
		case blockLine > 0 && l == holdoutBlockClose:
			add(blockLine, strings.Join(block, "\n"))
			block, blockLine = nil, 0
		case blockLine > 0:
			block = append(block, l)
		case l == holdoutBlockOpen:
			blockLine = n
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
		default:
			add(n, l)
		}
	}
	if blockLine > 0 {
		t.Fatalf("%s:%d: %s without %s", name, blockLine, holdoutBlockOpen, holdoutBlockClose)
	}
	return recs
}

// holdoutScore counts true positives, false positives and false negatives
// for one kind.
type holdoutScore struct{ tp, fp, fn int }

func (s holdoutScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s holdoutScore) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

// scoreHoldout runs Find over recs and scores it per kind. A match is a true
// positive only when its kind and exact byte span are labelled. Every
// disagreement is logged with its file, line, the span's text and the
// record. When fixed is not nil, the records Find gets exactly right are
// appended to it.
func scoreHoldout(t *testing.T, r *redact.Redactor, recs []holdoutRecord, fixed *[]holdoutRecord) map[redact.Kind]*holdoutScore {
	t.Helper()
	scores := make(map[redact.Kind]*holdoutScore)
	score := func(k redact.Kind) *holdoutScore {
		if scores[k] == nil {
			scores[k] = &holdoutScore{}
		}
		return scores[k]
	}
	for _, k := range holdoutKinds {
		score(k)
	}
	for _, rec := range recs {
		got := r.Find(rec.text)
		checkHoldoutInvariants(t, rec, got)
		if fixed != nil && slices.Equal(got, rec.want) {
			*fixed = append(*fixed, rec)
		}
		for _, m := range got {
			if slices.Contains(rec.want, m) {
				score(m.Kind).tp++
				continue
			}
			score(m.Kind).fp++
			t.Logf("%s:%d: false positive: Find reported %s %q [%d,%d), which is not labelled; record: %q",
				rec.file, rec.line, m.Kind, rec.text[m.Start:m.End], m.Start, m.End, rec.text)
		}
		for _, w := range rec.want {
			if slices.Contains(got, w) {
				continue
			}
			score(w.Kind).fn++
			t.Logf("%s:%d: false negative: want %s %q [%d,%d); Find = %s; record: %q",
				rec.file, rec.line, w.Kind, rec.text[w.Start:w.End], w.Start, w.End, describeMatches(rec.text, got), rec.text)
		}
	}
	return scores
}

// checkHoldoutInvariants checks what Find promises whatever it detects: matches
// in order of position, not overlapping, within the text and on UTF-8
// boundaries.
func checkHoldoutInvariants(t *testing.T, rec holdoutRecord, got []redact.Match) {
	t.Helper()
	prev := 0
	for _, m := range got {
		if m.Start < prev || m.End <= m.Start || m.End > len(rec.text) ||
			!utf8.RuneStart(rec.text[m.Start]) || (m.End < len(rec.text) && !utf8.RuneStart(rec.text[m.End])) {
			t.Errorf("%s:%d: Find(%q) = %s: matches must be ordered, non-overlapping and on rune boundaries",
				rec.file, rec.line, rec.text, describeMatches(rec.text, got))
			return
		}
		prev = m.End
	}
}

func describeMatches(text string, ms []redact.Match) string {
	if len(ms) == 0 {
		return "[]"
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		if m.Start >= 0 && m.Start <= m.End && m.End <= len(text) {
			parts[i] = fmt.Sprintf("%s %q", m.Kind, text[m.Start:m.End])
		} else {
			parts[i] = fmt.Sprintf("%s [%d,%d)", m.Kind, m.Start, m.End)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func logHoldoutTable(t *testing.T, title string, scores map[redact.Kind]*holdoutScore) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%-12s %5s %5s %5s %5s %9s %7s\n", title, "kind", "spans", "tp", "fp", "fn", "precision", "recall")
	for _, k := range holdoutKinds {
		s := scores[k]
		fmt.Fprintf(&b, "%-12s %5d %5d %5d %5d %9.3f %7.3f\n", k, s.tp+s.fn, s.tp, s.fp, s.fn, s.precision(), s.recall())
	}
	t.Log(b.String())
}

// TestHoldoutCorpus measures precision and recall per kind on the held-out
// corpus and requires both to be at least 0.98 for every kind with at least
// five labelled spans (issue 6).
func TestHoldoutCorpus(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "holdout*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var recs, known []holdoutRecord
	for _, p := range paths {
		if filepath.Base(p) == holdoutKnownMiss {
			known = append(known, readHoldout(t, p)...)
			continue
		}
		recs = append(recs, readHoldout(t, p)...)
	}
	if len(recs)+len(known) < holdoutMinRecords {
		t.Fatalf("holdout corpus has %d records, want at least %d", len(recs)+len(known), holdoutMinRecords)
	}
	r := redact.Default()

	scores := scoreHoldout(t, r, recs, nil)
	logHoldoutTable(t, fmt.Sprintf("held-out corpus: %d records", len(recs)), scores)
	for _, k := range holdoutKinds {
		s := scores[k]
		if s.tp+s.fn < holdoutMinSpans {
			t.Errorf("kind %s has %d labelled spans, want at least %d so that its figures mean something", k, s.tp+s.fn, holdoutMinSpans)
			continue
		}
		if p := s.precision(); p < holdoutMinRatio {
			t.Errorf("kind %s: precision %.3f (tp %d, fp %d), want >= %.2f", k, p, s.tp, s.fp, holdoutMinRatio)
		}
		if rc := s.recall(); rc < holdoutMinRatio {
			t.Errorf("kind %s: recall %.3f (tp %d, fn %d), want >= %.2f", k, rc, s.tp, s.fn, holdoutMinRatio)
		}
	}

	if len(known) > 0 {
		// Known detector misses, reported to the detector owner: logged, not asserted.
		var fixed []holdoutRecord
		ks := scoreHoldout(t, r, known, &fixed)
		logHoldoutTable(t, fmt.Sprintf("KNOWN MISSES (%s, not asserted): %d records", holdoutKnownMiss, len(known)), ks)
		for _, rec := range fixed {
			t.Logf("%s:%d: now found exactly as labelled: move it back to holdout.txt", rec.file, rec.line)
		}
	}
}

// TestHoldoutMarkup checks the markup parser the corpus test relies on.
func TestHoldoutMarkup(t *testing.T) {
	tests := []struct {
		in      string
		text    string
		want    []redact.Match
		wantErr bool
	}{
		{in: "no labels", text: "no labels"},
		{
			in:   "mail ⟦email:a@example.com⟧, ip ⟦ipv6:2001:db8::1⟧.",
			text: "mail a@example.com, ip 2001:db8::1.",
			want: []redact.Match{{Kind: redact.KindEmail, Start: 5, End: 18}, {Kind: redact.KindIPv6, Start: 23, End: 34}},
		},
		{
			in:   "é ⟦phone:+1 202 555 0143⟧",
			text: "é +1 202 555 0143",
			want: []redact.Match{{Kind: redact.KindPhone, Start: 3, End: 18}},
		},
		{in: "⟦email:a@example.com", wantErr: true},
		{in: "a@example.com⟧", wantErr: true},
		{in: "⟦nosuchkind:x⟧", wantErr: true},
		{in: "⟦email⟧", wantErr: true},
		{in: "⟦email:⟦email:a@b.c⟧⟧", wantErr: true},
	}
	for _, tc := range tests {
		text, want, err := parseHoldoutMarkup(tc.in)
		if tc.wantErr {
			if err == nil {
				t.Errorf("parseHoldoutMarkup(%q) = %q, %v, nil; want an error", tc.in, text, want)
			}
			continue
		}
		if err != nil || text != tc.text || !slices.Equal(want, tc.want) {
			t.Errorf("parseHoldoutMarkup(%q) = %q, %v, %v; want %q, %v, nil", tc.in, text, want, err, tc.text, tc.want)
		}
	}
}
