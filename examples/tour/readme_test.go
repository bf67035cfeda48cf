package tour_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeTourInSync checks that the README's tour is the code of Example,
// line for line, so the README never shows code that does not compile or
// prints something else.
func TestReadmeTourInSync(t *testing.T) {
	src, err := os.ReadFile("tour_test.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := between(t, string(src), "\t// tour:begin\n", "\t// tour:end\n")
	got := between(t, string(readme), "<!-- tour:begin -->\n```go\n", "```\n<!-- tour:end -->")
	if dedent(want) != got {
		t.Errorf("README tour differs from Example in tour_test.go:\nREADME:\n%s\nExample:\n%s", got, dedent(want))
	}
}

func between(t *testing.T, s, begin, end string) string {
	t.Helper()
	_, rest, ok := strings.Cut(s, begin)
	if !ok {
		t.Fatalf("marker %q not found", begin)
	}
	body, _, ok := strings.Cut(rest, end)
	if !ok {
		t.Fatalf("marker %q not found", end)
	}
	return body
}

func dedent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "")
}
