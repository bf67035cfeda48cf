package redact_test

import (
	"bytes"
	"encoding"
	"encoding/gob"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"log"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"text/template"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/slakit/slakit/redact"
)

// The personal data the tests try to leak. Every piece is checked on its
// own, so that a dump that splits or re-encodes the value is caught too.
const (
	email = "alice.smith@example.com"
	phone = "+44 20 7946 0958"
)

var secretPieces = []string{email, "alice", "smith", "example.com", phone, "7946", "0958"}

// assertNoLeak fails if out contains any piece of the fixture values, in
// plain text or hex-encoded.
func assertNoLeak(t *testing.T, door, out string) {
	t.Helper()
	for _, p := range secretPieces {
		if i := strings.Index(out, p); i >= 0 {
			t.Errorf("%s = %q leaks %q", door, around(out, i), p)
		}
		if h := fmt.Sprintf("%x", p); strings.Contains(strings.ToLower(out), h) {
			t.Errorf("%s = %q leaks %q hex-encoded", door, out, p)
		}
	}
}

// around returns the part of s around index i, for messages about long
// outputs.
func around(s string, i int) string {
	const n = 150
	return s[max(0, i-n):min(len(s), i+n)]
}

// The doors are methods with value receivers, so a Sensitive stored by
// value closes them too; values come in through a pointer.
var (
	_ fmt.Formatter            = redact.Sensitive{}
	_ fmt.Stringer             = redact.Sensitive{}
	_ slog.LogValuer           = redact.Sensitive{}
	_ json.Marshaler           = redact.Sensitive{}
	_ encoding.TextMarshaler   = redact.Sensitive{}
	_ encoding.TextUnmarshaler = (*redact.Sensitive)(nil)
)

// Ticket is the kind of struct users put a Sensitive in.
type Ticket struct {
	ID        int
	Requester redact.Sensitive
	Phone     *redact.Sensitive
	Empty     redact.Sensitive `json:",omitempty"`
}

// note has Sensitive values in unexported fields, which fmt and reflection
// based dumps print without calling any method.
type note struct {
	author redact.Sensitive
	phones []redact.Sensitive
}

func newTicket() Ticket {
	p := redact.NewSensitive(phone)
	return Ticket{ID: 7, Requester: redact.NewSensitive(email), Phone: &p}
}

func TestSensitiveFmt(t *testing.T) {
	s := redact.NewSensitive(email)
	p := &s
	var nilPtr *redact.Sensitive
	tk := newTicket()
	n := note{author: s, phones: []redact.Sensitive{redact.NewSensitive(phone)}}
	tests := []struct {
		format string
		arg    any
		want   string // "" means: only check that nothing leaks
	}{
		{"%v", s, "[REDACTED]"},
		{"%+v", s, "[REDACTED]"},
		{"%#v", s, "[REDACTED]"},
		{"%s", s, "[REDACTED]"},
		{"%q", s, "[REDACTED]"},
		{"%x", s, "[REDACTED]"},
		{"%X", s, "[REDACTED]"},
		{"% x", s, "[REDACTED]"},
		{"%#x", s, "[REDACTED]"},
		{"%d", s, "[REDACTED]"},
		{"%c", s, "[REDACTED]"},
		{"%U", s, "[REDACTED]"},
		{"%t", s, "[REDACTED]"},
		{"%e", s, "[REDACTED]"},
		{"%.3s", s, "[REDACTED]"},
		{"%14s", s, "    [REDACTED]"},
		{"%-14s|", s, "[REDACTED]    |"},
		{"%3s", s, "[REDACTED]"},
		{"%T", s, "redact.Sensitive"},
		{"%v", p, "[REDACTED]"},
		{"%#v", p, "[REDACTED]"},
		{"%s", p, "[REDACTED]"},
		{"%v", nilPtr, "<nil>"},
		{"%v", []redact.Sensitive{s, s}, "[[REDACTED] [REDACTED]]"},
		{"%q", []redact.Sensitive{s}, "[[REDACTED]]"},
		{"%v", [1]redact.Sensitive{s}, "[[REDACTED]]"},
		{"%v", map[string]redact.Sensitive{"to": s}, "map[to:[REDACTED]]"},
		{"%v", map[redact.Sensitive]int{s: 1}, "map[[REDACTED]:1]"},
		{"%v", []*redact.Sensitive{p}, ""}, // pointers inside containers print as addresses
		{"%v", tk, ""},
		{"%+v", tk, ""},
		{"%#v", tk, ""},
		{"%v", &tk, "&{7 [REDACTED] [REDACTED] [REDACTED]}"},
		{"%+v", &tk, "&{ID:7 Requester:[REDACTED] Phone:[REDACTED] Empty:[REDACTED]}"},
		{"%v", []any{s, p}, "[[REDACTED] [REDACTED]]"},
		// Doors that bypass Format and print the internal representation.
		{"%v", n, ""},
		{"%+v", n, ""},
		{"%#v", n, ""},
		{"%v", &n, ""},
		{"%x", n, ""},
		{"%s", n, ""},
		{"%p", s, ""},
		{"%!", s, ""},
		{"%z", s, "[REDACTED]"},
		{"%d %d", s, ""}, // missing argument
	}
	for _, tc := range tests {
		got := fmt.Sprintf(tc.format, tc.arg)
		door := fmt.Sprintf("fmt.Sprintf(%q, %T)", tc.format, tc.arg)
		assertNoLeak(t, door, got)
		if tc.want != "" && got != tc.want {
			t.Errorf("%s = %q want %q", door, got, tc.want)
		}
	}
}

func TestSensitivePrintFamily(t *testing.T) {
	s := redact.NewSensitive(email)
	tk := newTicket()
	var buf bytes.Buffer
	lg := log.New(&buf, "", 0)
	lg.Print(s, tk)
	lg.Printf("%v %+v", s, &tk)
	lg.Println(s)
	wrap := "sending to %w" // a variable, so that vet lets the misuse through
	outs := map[string]string{
		"fmt.Sprint":          fmt.Sprint(s, &s, tk),
		"fmt.Sprintln":        fmt.Sprintln(s, &s, tk),
		"fmt.Errorf(%v)":      fmt.Errorf("sending to %v: %w", s, errors.New("refused")).Error(),
		"fmt.Errorf(%w)":      fmt.Errorf(wrap, s).Error(), // not an error: %!w(...)
		"fmt.Errorf(%w ptr)":  fmt.Errorf(wrap, &s).Error(),
		"errors.Join":         errors.Join(fmt.Errorf("to %s", s)).Error(),
		"fmt.Sprint(String)":  s.String(),
		"log.Logger":          buf.String(),
		"fmt.Sprint(any ptr)": fmt.Sprint(any(&tk)),
	}
	for door, out := range outs {
		assertNoLeak(t, door, out)
		if !strings.Contains(out, "[REDACTED]") && door != "fmt.Errorf(%w)" && door != "fmt.Errorf(%w ptr)" {
			t.Errorf("%s = %q want it to contain [REDACTED]", door, out)
		}
	}
}

func TestSensitiveTemplates(t *testing.T) {
	tk := newTicket()
	var tb, hb bytes.Buffer
	tt := template.Must(template.New("t").Parse("{{.Requester}} {{.Phone}} {{printf \"%#v\" .Requester}}"))
	if err := tt.Execute(&tb, tk); err != nil {
		t.Fatal(err)
	}
	ht := htmltemplate.Must(htmltemplate.New("h").Parse(`<a href="mailto:{{.Requester}}">{{.Phone}}</a>`))
	if err := ht.Execute(&hb, tk); err != nil {
		t.Fatal(err)
	}
	for door, out := range map[string]string{"text/template": tb.String(), "html/template": hb.String()} {
		assertNoLeak(t, door, out)
		if !strings.Contains(out, "[REDACTED]") {
			t.Errorf("%s = %q want it to contain [REDACTED]", door, out)
		}
	}
}

func TestSensitiveJSON(t *testing.T) {
	s := redact.NewSensitive(email)
	tk := newTicket()
	type tagged struct {
		A redact.Sensitive  `json:"a,omitempty"`
		B redact.Sensitive  `json:"b,omitzero"`
		C redact.Sensitive  `json:"c"`
		D *redact.Sensitive `json:"d,omitempty"`
		E any               `json:"e"`
	}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"value", s, `"[REDACTED]"`},
		{"pointer", &s, `"[REDACTED]"`},
		{"struct", tk, `{"ID":7,"Requester":"[REDACTED]","Phone":"[REDACTED]","Empty":"[REDACTED]"}`},
		{"tags", tagged{A: s, B: s, C: s, D: &s, E: s}, `{"a":"[REDACTED]","b":"[REDACTED]","c":"[REDACTED]","d":"[REDACTED]","e":"[REDACTED]"}`},
		{"omitzero drops the empty value", tagged{E: redact.Sensitive{}}, `{"a":"[REDACTED]","c":"[REDACTED]","e":"[REDACTED]"}`},
		{"map value", map[string]redact.Sensitive{"to": s}, `{"to":"[REDACTED]"}`},
		{"map key", map[redact.Sensitive]int{s: 1}, `{"[REDACTED]":1}`},
		{"slice", []redact.Sensitive{s, redact.NewSensitive(phone)}, `["[REDACTED]","[REDACTED]"]`},
	}
	for _, tc := range tests {
		b, err := json.Marshal(tc.v)
		if err != nil {
			t.Errorf("json.Marshal(%s) error %v", tc.name, err)
			continue
		}
		assertNoLeak(t, "json.Marshal("+tc.name+")", string(b))
		if string(b) != tc.want {
			t.Errorf("json.Marshal(%s) = %s want %s", tc.name, b, tc.want)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tk); err != nil {
		t.Fatal(err)
	}
	assertNoLeak(t, "json.Encoder", buf.String())
}

func TestSensitiveXMLAndGob(t *testing.T) {
	type contact struct {
		XMLName xml.Name         `xml:"contact"`
		Email   redact.Sensitive `xml:"email,attr"`
		Phone   redact.Sensitive `xml:"phone"`
	}
	c := contact{Email: redact.NewSensitive(email), Phone: redact.NewSensitive(phone)}
	b, err := xml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `<contact email="[REDACTED]"><phone>[REDACTED]</phone></contact>`
	assertNoLeak(t, "xml.Marshal", string(b))
	if string(b) != want {
		t.Errorf("xml.Marshal = %s want %s", b, want)
	}

	// gob uses neither Format nor MarshalText, and a Sensitive has no
	// exported fields: gob refuses it, writing nothing of the value.
	var gb bytes.Buffer
	err = gob.NewEncoder(&gb).Encode(newTicket())
	if err == nil {
		t.Errorf("gob.Encode of a Ticket succeeded, wrote %q", gb.Bytes())
	} else {
		assertNoLeak(t, "gob.Encode error", err.Error())
	}
	assertNoLeak(t, "gob.Encode", gb.String())
}

// noTime drops the time from a built-in handler's output, so that the
// digits of a timestamp cannot look like a leak, then applies next if it
// is not nil.
func noTime(next func([]string, slog.Attr) slog.Attr) *slog.HandlerOptions {
	return &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		if next != nil {
			return next(groups, a)
		}
		return a
	}}
}

func TestSensitiveSlog(t *testing.T) {
	s := redact.NewSensitive(email)
	tk := newTicket()
	for _, name := range []string{"text", "json"} {
		var buf bytes.Buffer
		var h slog.Handler
		if name == "text" {
			h = slog.NewTextHandler(&buf, noTime(nil))
		} else {
			h = slog.NewJSONHandler(&buf, noTime(nil))
		}
		lg := slog.New(h).With("requester", s).WithGroup("g")
		lg.Info("ticket", "email", s, "ptr", &s,
			slog.Group("nested", slog.Any("phone", redact.NewSensitive(phone)), slog.Group("deeper", "e", s)),
			"ticket", tk, "ticketPtr", &tk, "list", []redact.Sensitive{s})
		out := buf.String()
		assertNoLeak(t, name+" slog handler", out)
		if n := strings.Count(out, "[REDACTED]"); n < 6 {
			t.Errorf("%s slog handler output %q has %d placeholders, want at least 6", name, out, n)
		}
	}
	if got := s.LogValue(); got.Kind() != slog.KindString || got.String() != "[REDACTED]" {
		t.Errorf("LogValue() = %v (%v) want the string [REDACTED]", got, got.Kind())
	}
}

func TestSensitiveReflection(t *testing.T) {
	n := note{author: redact.NewSensitive(email)}
	v := reflect.ValueOf(n).Field(0)
	var dump strings.Builder
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.String:
			dump.WriteString(v.String())
		}
	}
	walk(v)
	assertNoLeak(t, "reflect walk", dump.String())
	if dump.Len() != len(email) {
		// Checks that the walk did reach the stored bytes, so the
		// assertion above means something.
		t.Errorf("reflect walk read %d bytes want %d", dump.Len(), len(email))
	}
}

// recorder is an assert.TestingT that keeps the failure messages.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

func TestSensitiveTestifyDiff(t *testing.T) {
	// testify prints values with %#v and diffs them with go-spew, which
	// reads fields by reflection without calling methods.
	a := note{author: redact.NewSensitive(email)}
	b := note{author: redact.NewSensitive(phone)}
	rec := &recorder{}
	if assert.Equal(rec, a, b) {
		t.Fatal("assert.Equal of different notes succeeded")
	}
	assert.Equal(rec, newTicket(), Ticket{ID: 7})
	assert.Equal(rec, redact.NewSensitive(email), redact.NewSensitive(phone))
	if len(rec.msgs) != 3 {
		t.Fatalf("recorded %d failures want 3", len(rec.msgs))
	}
	for _, m := range rec.msgs {
		assertNoLeak(t, "testify assert.Equal failure", m)
	}
}

func TestSensitiveReveal(t *testing.T) {
	for _, v := range []string{"", email, phone, "é€𝄞", "\x00\xff", strings.Repeat("ab", 300)} {
		s := redact.NewSensitive(v)
		if got := s.Reveal(); got != v {
			t.Errorf("NewSensitive(%q).Reveal() = %q", v, got)
		}
		if got := s.IsZero(); got != (v == "") {
			t.Errorf("NewSensitive(%q).IsZero() = %v want %v", v, got, v == "")
		}
		if got := fmt.Sprint(s); got != "[REDACTED]" {
			t.Errorf("fmt.Sprint(NewSensitive(%q)) = %q want [REDACTED]", v, got)
		}
	}
	var zero redact.Sensitive
	if zero.Reveal() != "" || !zero.IsZero() || zero.String() != "[REDACTED]" {
		t.Errorf("zero Sensitive: Reveal() = %q, IsZero() = %v, String() = %q; want \"\", true, [REDACTED]",
			zero.Reveal(), zero.IsZero(), zero.String())
	}
	if zero != redact.NewSensitive("") {
		t.Error(`Sensitive{} != NewSensitive("")`)
	}
}

func TestSensitiveComparable(t *testing.T) {
	a, a2, b := redact.NewSensitive(email), redact.NewSensitive(email), redact.NewSensitive(phone)
	if a != a2 {
		t.Error("two Sensitive values of the same string are not ==")
	}
	if a == b {
		t.Error("Sensitive values of different strings are ==")
	}
	m := map[redact.Sensitive]int{a: 1, b: 2}
	if m[a2] != 1 || m[b] != 2 || len(m) != 2 {
		t.Errorf("map lookups = %d, %d, len %d want 1, 2, 2", m[a2], m[b], len(m))
	}
}

func TestSensitiveUnmarshal(t *testing.T) {
	var tk struct {
		Requester redact.Sensitive
		Phone     *redact.Sensitive
		Keep      redact.Sensitive
		Map       map[redact.Sensitive]string
	}
	tk.Keep = redact.NewSensitive("kept")
	in := `{"Requester":"` + email + `","Phone":"` + phone + `","Keep":null,"Map":{"` + email + `":"x"}}`
	if err := json.Unmarshal([]byte(in), &tk); err != nil {
		t.Fatalf("json.Unmarshal(%s) error %v", in, err)
	}
	if got := tk.Requester.Reveal(); got != email {
		t.Errorf("Requester.Reveal() = %q want %q", got, email)
	}
	if tk.Phone == nil || tk.Phone.Reveal() != phone {
		t.Errorf("Phone = %v want a pointer to %q", tk.Phone, phone)
	}
	if got := tk.Keep.Reveal(); got != "kept" {
		t.Errorf("after null, Keep.Reveal() = %q want kept (null leaves the field unchanged)", got)
	}
	if got := tk.Map[redact.NewSensitive(email)]; got != "x" {
		t.Errorf("Map[email] = %q want x", got)
	}
	// And it does not go out again.
	out, err := json.Marshal(tk)
	if err != nil {
		t.Fatal(err)
	}
	assertNoLeak(t, "json.Marshal after Unmarshal", string(out))

	errTests := []struct {
		in      string
		wantErr error // nil: any error
	}{
		{`{"Requester":"[REDACTED]"}`, redact.ErrPlaceholder},
		{`{"Requester":12}`, nil},
		{`{"Requester":true}`, nil},
		{`{"Requester":{"a":1}}`, nil},
	}
	for _, tc := range errTests {
		var v struct{ Requester redact.Sensitive }
		v.Requester = redact.NewSensitive("before")
		err := json.Unmarshal([]byte(tc.in), &v)
		if err == nil || (tc.wantErr != nil && !errors.Is(err, tc.wantErr)) {
			t.Errorf("json.Unmarshal(%s) error %v want %v", tc.in, err, tc.wantErr)
		}
		if tc.wantErr != nil && v.Requester.Reveal() != "before" {
			t.Errorf("json.Unmarshal(%s) changed the value to %q", tc.in, v.Requester.Reveal())
		}
	}

	var x struct {
		Phone redact.Sensitive `xml:"phone"`
	}
	if err := xml.Unmarshal([]byte("<c><phone>"+phone+"</phone></c>"), &x); err != nil || x.Phone.Reveal() != phone {
		t.Errorf("xml.Unmarshal: Phone.Reveal() = %q, error %v want %q, nil", x.Phone.Reveal(), err, phone)
	}
}

func TestSensitiveUnmarshalErrorDoesNotLeak(t *testing.T) {
	// An error while loading must not echo the value either: a bad
	// document is often logged.
	var v struct{ Requester redact.Sensitive }
	err := json.Unmarshal([]byte(`{"Requester":["`+email+`"]}`), &v)
	if err == nil {
		t.Fatal("json.Unmarshal of an array into a Sensitive succeeded")
	}
	assertNoLeak(t, "json.Unmarshal error", err.Error())
}

func FuzzSensitive(f *testing.F) {
	for _, s := range []string{"", email, phone, "[REDACTED]", "\xff\x80", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		s := redact.NewSensitive(v)
		if got := s.Reveal(); got != v {
			t.Fatalf("NewSensitive(%q).Reveal() = %q", v, got)
		}
		for _, format := range []string{"%v", "%#v", "%x", "%q"} {
			if got := fmt.Sprintf(format, s); got != "[REDACTED]" {
				t.Fatalf("Sprintf(%q, NewSensitive(%q)) = %q want [REDACTED]", format, v, got)
			}
		}
		if b, err := json.Marshal(s); err != nil || string(b) != `"[REDACTED]"` {
			t.Fatalf("json.Marshal(NewSensitive(%q)) = %s, %v", v, b, err)
		}
		// What reflection sees: for ASCII input, no byte of it is ASCII, so
		// no piece of the value can show in a dump.
		stored := reflect.ValueOf(s).Field(0).String()
		if len(stored) != len(v) {
			t.Fatalf("NewSensitive(%q) stores %d bytes want %d", v, len(stored), len(v))
		}
		for i := range len(v) {
			if v[i] < utf8.RuneSelf && stored[i] < utf8.RuneSelf {
				t.Fatalf("NewSensitive(%q) stores byte %d as %#x, which is ASCII", v, i, stored[i])
			}
		}
		var back redact.Sensitive
		err := back.UnmarshalText([]byte(v))
		switch {
		case v == "[REDACTED]":
			if !errors.Is(err, redact.ErrPlaceholder) {
				t.Fatalf("UnmarshalText(%q) error %v want ErrPlaceholder", v, err)
			}
		case err != nil || back != s:
			t.Fatalf("UnmarshalText(%q) = %v, error %v want the value", v, back.Reveal(), err)
		}
	})
}
