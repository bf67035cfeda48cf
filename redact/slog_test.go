package redact_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/slakit/slakit/redact"
)

// Values the slog tests try to leak, on top of secretPieces. The first
// four are found by detection; the rest sit under sensitive keys and look
// like nothing in particular.
var logSecrets = []string{
	"bob.jones@example.org",
	"4242 4242 4242 4242", "4242424242424242", // a Visa test number: Luhn-valid
	"192.0.2.7",
	"hunter2-correct-horse", "s3cr3t-cookie-value", "abcdef123456", "opaque-session-42",
}

func assertNoLogLeak(t *testing.T, door, out string) {
	t.Helper()
	assertNoLeak(t, door, out)
	for _, p := range logSecrets {
		if i := strings.Index(out, p); i >= 0 {
			t.Errorf("%s = %q leaks %q", door, around(out, i), p)
		}
	}
}

type stringer struct{ s string }

func (s stringer) String() string { return s.s }

type profile struct {
	Name     string            `json:"name"`
	Email    string            `json:"email"`
	Password string            `json:"password"`
	Hidden   string            `json:"-"`
	Contact  redact.Sensitive  `json:"contact"`
	Phones   []string          `json:"phones"`
	Meta     map[string]string `json:"meta"`
	Card     int64             `json:"card"`
}

func newProfile() profile {
	return profile{
		Name:     "Alice",
		Email:    email,
		Password: "hunter2-correct-horse",
		Hidden:   "abcdef123456",
		Contact:  redact.NewSensitive(phone),
		Phones:   []string{phone, "ext 12"},
		Meta:     map[string]string{"cookie": "s3cr3t-cookie-value", "note": "cc bob.jones@example.org"},
		Card:     4242424242424242,
	}
}

// emailValuer resolves to an email address.
type emailValuer struct{}

func (emailValuer) LogValue() slog.Value { return slog.StringValue("mail " + email) }

// groupValuer resolves to a group.
type groupValuer struct{}

func (groupValuer) LogValue() slog.Value {
	return slog.GroupValue(slog.String("to", email), slog.String("token", "abcdef123456"))
}

// logEverything logs each kind of value the handler must scrub.
func logEverything(lg *slog.Logger) {
	lg = lg.With("requester", email, "session_id", "opaque-session-42", slog.Group("with", "phone", phone))
	lg.Info("ticket from "+email+" about card 4242 4242 4242 4242",
		"email", email,
		"card", 4242424242424242,
		"ucard", uint64(4242424242424242),
		"err", fmt.Errorf("smtp: %s rejected", email),
		"stringer", stringer{"call " + phone},
		"ip", netip.MustParseAddr("192.0.2.7"),
		"bytes", []byte("from "+email),
		"profile", newProfile(),
		"profilePtr", func() *profile { p := newProfile(); return &p }(),
		"byEmail", map[string]int{email: 3, "bob.jones@example.org": 1},
		"list", []string{email, "ok"},
		"valuer", emailValuer{},
		"groupValuer", groupValuer{},
		"sensitive", redact.NewSensitive(email),
		"password", "hunter2-correct-horse",
		"Authorization", "Basic abcdef123456",
		"Cookie", "sid=s3cr3t-cookie-value",
		"X-Api-Key", 12345,
		slog.Group("auth", "user", "alice", "pin", 1234),
		slog.Group("request", "path", "/tickets", "token", "abcdef123456",
			slog.Group("deep", "email", email, "cookie", "s3cr3t-cookie-value")),
		slog.Group("", "inlined", email),
	)
	lg.WithGroup("ticket").With("cc", email).Warn("reply", "to", email, "phone", phone)
	lg.WithGroup("session").Info("login", "id", "opaque-session-42", "user", "alice")
}

func TestHandlerJSON(t *testing.T) {
	var buf bytes.Buffer
	lg := slog.New(redact.Default().Handler(slog.NewJSONHandler(&buf, noTime(nil))))
	logEverything(lg)
	out := buf.String()
	assertNoLogLeak(t, "Handler(JSONHandler)", out)

	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines want 3:\n%s", len(lines), out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatalf("line 1 is not JSON: %v\n%s", err, lines[0])
	}
	prof := map[string]any{
		"name":     "Alice",
		"email":    "[EMAIL]",
		"password": "[REDACTED]",
		"contact":  "[REDACTED]",
		"phones":   []any{"[PHONE]", "ext 12"},
		"meta":     map[string]any{"cookie": "[REDACTED]", "note": "cc [EMAIL]"},
		"card":     "[CREDIT_CARD]",
	}
	want := map[string]any{
		"msg":           "ticket from [EMAIL] about card [CREDIT_CARD]",
		"requester":     "[EMAIL]",
		"session_id":    "[REDACTED]",
		"with":          map[string]any{"phone": "[PHONE]"},
		"email":         "[EMAIL]",
		"card":          "[CREDIT_CARD]",
		"ucard":         "[CREDIT_CARD]",
		"err":           "smtp: [EMAIL] rejected",
		"stringer":      "call [PHONE]",
		"ip":            "[IPV4]",
		"bytes":         "from [EMAIL]",
		"profile":       prof,
		"profilePtr":    prof,
		"byEmail":       map[string]any{"[EMAIL]": 3.0, "[EMAIL]#2": 1.0}, // keys visited in sorted order: alice, bob
		"list":          []any{"[EMAIL]", "ok"},
		"valuer":        "mail [EMAIL]",
		"groupValuer":   map[string]any{"to": "[EMAIL]", "token": "[REDACTED]"},
		"sensitive":     "[REDACTED]",
		"password":      "[REDACTED]",
		"Authorization": "[REDACTED]",
		"Cookie":        "[REDACTED]",
		"X-Api-Key":     "[REDACTED]",
		"auth":          "[REDACTED]",
		"request": map[string]any{"path": "/tickets", "token": "[REDACTED]",
			"deep": map[string]any{"email": "[EMAIL]", "cookie": "[REDACTED]"}},
		"inlined": "[EMAIL]",
	}
	for k, w := range want {
		if got, _ := json.Marshal(first[k]); string(got) != mustJSON(t, w) {
			t.Errorf("line 1 %q = %s want %s", k, got, mustJSON(t, w))
		}
	}
	for _, tc := range []struct{ line, want string }{
		{lines[1], `"msg":"reply","requester":"[EMAIL]","session_id":"[REDACTED]","with":{"phone":"[PHONE]"},"ticket":{"cc":"[EMAIL]","to":"[EMAIL]","phone":"[PHONE]"}}`},
		{lines[2], `"msg":"login","requester":"[EMAIL]","session_id":"[REDACTED]","with":{"phone":"[PHONE]"},"session":{"id":"[REDACTED]","user":"[REDACTED]"}}`},
	} {
		if !strings.HasSuffix(tc.line, tc.want) {
			t.Errorf("line = %s\nwant it to end with %s", tc.line, tc.want)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHandlerText(t *testing.T) {
	var buf bytes.Buffer
	lg := slog.New(redact.Default().Handler(slog.NewTextHandler(&buf, noTime(nil))))
	logEverything(lg)
	assertNoLogLeak(t, "Handler(TextHandler)", buf.String())
	if !strings.Contains(buf.String(), `msg="ticket from [EMAIL] about card [CREDIT_CARD]"`) {
		t.Errorf("TextHandler output lacks the redacted message:\n%s", buf.String())
	}
}

// TestHandlerSensitiveKeyWords checks that the handler removes the values
// of attributes whose key ends in a sensitive word in camelCase, as a
// header name or as a dotted OpenTelemetry attribute, in attributes and in
// the objects of structured values, and leaves keys that only begin with
// one alone.
func TestHandlerSensitiveKeyWords(t *testing.T) {
	for _, tc := range []struct {
		key  string
		val  any
		want string
	}{
		{"accessToken", "ya29a0AfH6SMBx", `"[REDACTED]"`},
		{"refreshToken", "1//0gLk", `"[REDACTED]"`},
		{"clientSecret", "GOCSPX-abc", `"[REDACTED]"`},
		{"sessionToken", "opaque", `"[REDACTED]"`},
		{"Proxy-Authorization", "Token abc123", `"[REDACTED]"`},
		{"http.request.header.authorization", "Token abc123", `"[REDACTED]"`},
		{"http.request.header.cookie", "sid=abc123", `"[REDACTED]"`},
		{"X-Api-Key", "k", `"[REDACTED]"`},
		{"body", map[string]any{"apiKey": "k", "tokenizer": "bpe"}, `{"apiKey":"[REDACTED]","tokenizer":"bpe"}`},
		{"tokenizer", "bpe", `"bpe"`},
		{"author", "jdoe", `"jdoe"`},
		{"passwordless_enabled", true, `true`},
	} {
		var buf bytes.Buffer
		slog.New(redact.Default().Handler(slog.NewJSONHandler(&buf, noTime(nil)))).Info("m", tc.key, tc.val)
		var line map[string]json.RawMessage
		if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
			t.Fatalf("%q: output is not JSON: %v\n%s", tc.key, err, buf.String())
		}
		if got := string(line[tc.key]); got != tc.want {
			t.Errorf("Info(%q, %v) logs %s want %s", tc.key, tc.val, got, tc.want)
		}
	}
}

func TestReplaceAttr(t *testing.T) {
	r := redact.Default()
	for _, name := range []string{"json", "text"} {
		var buf bytes.Buffer
		opts := noTime(r.ReplaceAttr)
		var h slog.Handler = slog.NewJSONHandler(&buf, opts)
		if name == "text" {
			h = slog.NewTextHandler(&buf, opts)
		}
		logEverything(slog.New(h))
		out := buf.String()
		assertNoLogLeak(t, name+" handler with ReplaceAttr", out)
		// The level and source keep their types, so the level still prints
		// as the handler prints it.
		if !strings.Contains(out, "INFO") || !strings.Contains(out, "WARN") {
			t.Errorf("%s output lost the levels:\n%s", name, out)
		}
	}

	tests := []struct {
		groups []string
		in     slog.Attr
		want   string // the attribute's value, as slog prints it
	}{
		{nil, slog.String(slog.MessageKey, "hi "+email), "hi [EMAIL]"},
		{nil, slog.String("note", "no personal data"), "no personal data"},
		{nil, slog.String("password", ""), "[REDACTED]"},
		{nil, slog.Bool("token", true), "[REDACTED]"},
		{nil, slog.Any("err", errors.New("to "+email)), "to [EMAIL]"},
		{nil, slog.Int("n", 42), "42"},
		{nil, slog.Int("card", 4242424242424242), "[CREDIT_CARD]"},
		{nil, slog.Float64("f", 1.5), "1.5"},
		{nil, slog.Duration("d", time.Second), "1s"},
		{nil, slog.Any("level", slog.LevelWarn), "WARN"},
		{nil, slog.Any("nil", nil), "<nil>"},
		{[]string{"request", "auth"}, slog.String("user", "alice"), "[REDACTED]"},
		{[]string{"request"}, slog.String("user", email), "[EMAIL]"},
		{nil, slog.Group("g", "password", "x", "mail", email), "[password=[REDACTED] mail=[EMAIL]]"},
		{nil, slog.Group("cookie", "a", "x"), "[a=[REDACTED]]"},
	}
	for _, tc := range tests {
		got := r.ReplaceAttr(tc.groups, tc.in)
		if got.Key != tc.in.Key || got.Value.String() != tc.want {
			t.Errorf("ReplaceAttr(%q, %v) = %v want %s=%s", tc.groups, tc.in, got, tc.in.Key, tc.want)
		}
	}
	if got := r.ReplaceAttr(nil, slog.Any("level", slog.LevelWarn)); got.Value.Any() != slog.LevelWarn {
		t.Errorf("ReplaceAttr(level) = %#v want the slog.Level kept", got.Value.Any())
	}
}

type ticketID int

// customer hides its email from JSON; a text handler would print it.
type customer struct{ Email string }

func (customer) MarshalJSON() ([]byte, error) { return []byte(`"customer"`), nil }

type idOnly struct {
	ID    int
	Email string
}

func (c idOnly) MarshalJSON() ([]byte, error) { return json.Marshal(c.ID) }

// formatted prints itself through Format only.
type formatted struct{ s string }

func (f formatted) Format(st fmt.State, _ rune) { fmt.Fprint(st, "to "+f.s) }

type address string

func TestReplaceAttrJSON(t *testing.T) {
	r := redact.Default()
	type nested struct {
		Auth  map[string]int `json:"auth"`
		B     int            `json:"b"`
		Notes []string       `json:"notes"`
	}
	tests := []struct {
		name string
		in   any
		want string // the JSON written for the value; a Go string for string values
	}{
		{"sensitive key over an object", nested{Auth: map[string]int{"a": 1}, B: 2}, `{"auth":"[REDACTED]","b":2,"notes":null}`},
		{"escaped string", []string{"<" + email + ">", `"q" \ x`}, `["<[EMAIL]>","\"q\" \\ x"]`},
		{"control bytes", []string{"line\nbreak " + email + "\t"}, `["line\nbreak [EMAIL]\t"]`},
		{"keys that collide", map[string]int{email: 1, "bob.jones@example.org": 2}, `{"[EMAIL]":1,"[EMAIL]#2":2}`},
		{"collision with a literal key", map[string]int{"[EMAIL]": 0, "a@example.com": 1, "[EMAIL]#2": 5}, `{"[EMAIL]":0,"[EMAIL]#2":5,"[EMAIL]#3":1}`},
		{"sensitive keys in arrays", []map[string]any{{"token": "x"}, {"token": []int{1, 2}, "n": 3}}, `[{"token":"[REDACTED]"},{"n":3,"token":"[REDACTED]"}]`},
		{"numbers", []any{1.5e10, -3, 0, 4242424242424242}, `[15000000000,-3,0,"[CREDIT_CARD]"]`},
		{"empty containers", []any{map[string]int{}, []int{}, nil, true}, `[{},[],null,true]`},
		{"named string", address(email), "[EMAIL]"},
		{"top-level card number", ticketID(4242424242424242), "[CREDIT_CARD]"},
		{"struct that marshals as a string", customer{email}, "customer"},
		{"struct that marshals as a number", idOnly{7, email}, "7"},
	}
	for _, tc := range tests {
		got := r.ReplaceAttr(nil, slog.Any("v", tc.in))
		var gotText string
		switch v := got.Value.Any().(type) {
		case json.RawMessage:
			if !json.Valid(v) {
				t.Errorf("%s: ReplaceAttr wrote invalid JSON %s", tc.name, v)
			}
			gotText = string(v)
		case string:
			gotText = v
		default:
			t.Errorf("%s: ReplaceAttr(%#v) = %T %v want JSON or a string", tc.name, tc.in, v, v)
			continue
		}
		if gotText != tc.want {
			t.Errorf("%s: ReplaceAttr(%#v) = %s want %s", tc.name, tc.in, gotText, tc.want)
		}
	}
	if got := r.ReplaceAttr(nil, slog.Any("v", formatted{email})); got.Value.String() != "to [EMAIL]" {
		t.Errorf("ReplaceAttr(Formatter) = %v want to [EMAIL]", got)
	}
	// Values with nothing to redact keep their type.
	for _, in := range []any{ticketID(7), address(""), 2.5, true} {
		got := r.ReplaceAttr(nil, slog.Any("v", in)).Value.Any()
		if g, w := fmt.Sprintf("%T %#v", got, got), fmt.Sprintf("%T %#v", in, in); g != w {
			t.Errorf("ReplaceAttr(%s) = %s want it unchanged", w, g)
		}
	}
}

// badValue's methods panic.
type badValue struct{ p *int }

func (b *badValue) String() string { return fmt.Sprint(*b.p) }

type panicky struct{}

func (panicky) String() string { panic("cannot print " + email) }

func TestReplaceAttrPanickingMethods(t *testing.T) {
	r := redact.Default()
	var nilPtr *badValue
	if got := r.ReplaceAttr(nil, slog.Any("v", nilPtr)); got.Value.String() != "<nil>" {
		t.Errorf("ReplaceAttr(nil Stringer) = %v want <nil>", got)
	}
	got := r.ReplaceAttr(nil, slog.Any("v", panicky{}))
	if s := got.Value.String(); s != "!PANIC: cannot print [EMAIL]" {
		t.Errorf("ReplaceAttr(panicking Stringer) = %q want the redacted panic", s)
	}
	unencodable := map[string]any{"ch": make(chan int)}
	if got := r.ReplaceAttr(nil, slog.Any("v", unencodable)); !strings.HasPrefix(got.Value.String(), "!ERROR:") {
		t.Errorf("ReplaceAttr(channel) = %v want an !ERROR: value", got)
	}
}

func TestHandlerDoesNotMutate(t *testing.T) {
	members := []slog.Attr{slog.String("email", email), slog.String("password", "p")}
	rec := slog.NewRecord(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), slog.LevelInfo, "from "+email, 0)
	rec.AddAttrs(slog.String("to", email), slog.Attr{Key: "g", Value: slog.GroupValue(members...)})
	for i := range 10 {
		rec.AddAttrs(slog.Int(fmt.Sprint("n", i), i))
	}
	wantMembers := fmt.Sprint(members)
	capt := newCapture(slog.LevelInfo)
	h := redact.Default().Handler(capt)
	if err := h.Handle(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	if rec.Message != "from "+email {
		t.Errorf("record message changed to %q", rec.Message)
	}
	var got []string
	rec.Attrs(func(a slog.Attr) bool { got = append(got, a.String()); return true })
	if got[0] != "to="+email || len(got) != 12 {
		t.Errorf("record attrs changed to %v", got)
	}
	if fmt.Sprint(members) != wantMembers {
		t.Errorf("group members changed to %v want %v", members, wantMembers)
	}
	// The passed record keeps time, level and PC.
	out := capt.log.records[0].rec
	if !out.Time.Equal(rec.Time) || out.Level != rec.Level || out.PC != rec.PC || out.Message != "from [EMAIL]" {
		t.Errorf("passed record = %v %v %v %q want %v %v %v %q",
			out.Time, out.Level, out.PC, out.Message, rec.Time, rec.Level, rec.PC, "from [EMAIL]")
	}
	if out.NumAttrs() != 12 {
		t.Errorf("passed record has %d attrs want 12", out.NumAttrs())
	}
}

// captureHandler keeps records and attributes as they are, without
// resolving them; handlers derived from one share its log.
type captureHandler struct {
	log    *captureLog
	attrs  []slog.Attr
	groups []string
	level  slog.Level
}

type captureLog struct {
	mu      sync.Mutex
	records []captured
}

// captured is one handled record with the handler's attributes and groups.
type captured struct {
	rec    slog.Record
	attrs  []slog.Attr
	groups []string
}

func newCapture(level slog.Level) *captureHandler {
	return &captureHandler{log: &captureLog{}, level: level}
}

func (c *captureHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= c.level }

func (c *captureHandler) Handle(_ context.Context, r slog.Record) error {
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	c.log.records = append(c.log.records, captured{r.Clone(), c.attrs, c.groups})
	return nil
}

func (c *captureHandler) WithAttrs(as []slog.Attr) slog.Handler {
	d := *c
	d.attrs = append(c.attrs[:len(c.attrs):len(c.attrs)], as...)
	return &d
}

func (c *captureHandler) WithGroup(name string) slog.Handler {
	d := *c
	d.groups = append(c.groups[:len(c.groups):len(c.groups)], name)
	return &d
}

// countingValuer counts its resolutions.
type countingValuer struct{ n *atomic.Int32 }

func (c countingValuer) LogValue() slog.Value {
	c.n.Add(1)
	return slog.StringValue(email)
}

func TestHandlerWithAttrsOnce(t *testing.T) {
	var n atomic.Int32
	capt := newCapture(slog.LevelInfo)
	h := redact.Default().Handler(capt).WithAttrs([]slog.Attr{slog.Any("v", countingValuer{&n})}).WithGroup("token")
	for range 3 {
		if err := h.Handle(context.Background(), slog.NewRecord(time.Time{}, slog.LevelInfo, "m", 0)); err != nil {
			t.Fatal(err)
		}
	}
	if got := n.Load(); got != 1 {
		t.Errorf("LogValue called %d times for 3 records want 1 (at WithAttrs)", got)
	}
	// The inner handler, which does not resolve, got the redacted value.
	got := capt.log.records[2]
	if len(got.attrs) != 1 || got.attrs[0].String() != "v=[EMAIL]" || fmt.Sprint(got.groups) != "[token]" {
		t.Errorf("inner handler got attrs %v, groups %v want [v=[EMAIL]], [token]", got.attrs, got.groups)
	}
}

func TestHandlerEnabledAndIdentity(t *testing.T) {
	next := newCapture(slog.LevelWarn)
	h := redact.Default().Handler(next)
	ctx := context.Background()
	if h.Enabled(ctx, slog.LevelInfo) || !h.Enabled(ctx, slog.LevelError) {
		t.Errorf("Enabled(Info), Enabled(Error) = %v, %v want false, true", h.Enabled(ctx, slog.LevelInfo), h.Enabled(ctx, slog.LevelError))
	}
	if h.WithGroup("") != h {
		t.Error("WithGroup(\"\") did not return the receiver")
	}
	if h.WithAttrs(nil) != h {
		t.Error("WithAttrs(nil) did not return the receiver")
	}
	for name, f := range map[string]func(){
		"Default().Handler(nil)":         func() { redact.Default().Handler(nil) },
		"(*Redactor)(nil).Handler(next)": func() { (*redact.Redactor)(nil).Handler(next) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", name)
				}
			}()
			f()
		}()
	}
}

func TestHandlerSlogtest(t *testing.T) {
	// The wrapped handler must still behave as a slog.Handler should.
	var buf bytes.Buffer
	newHandler := func(*testing.T) slog.Handler {
		buf.Reset()
		return redact.Default().Handler(slog.NewJSONHandler(&buf, nil))
	}
	result := func(t *testing.T) map[string]any {
		m := map[string]any{}
		if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	slogtest.Run(t, newHandler, result)
}

// syncBuffer is an io.Writer safe for concurrent use.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func TestHandlerConcurrent(t *testing.T) {
	var out syncBuffer
	base := slog.New(redact.Default().Handler(slog.NewJSONHandler(&out, noTime(nil)))).With("requester", email)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			lg := base.WithGroup(fmt.Sprint("g", g)).With("token", "abcdef123456")
			for i := range 50 {
				lg.Info("from "+email, "i", i, "phone", phone, slog.Group("p", "cookie", "s3cr3t-cookie-value"))
			}
		})
	}
	wg.Wait()
	s := out.buf.String()
	assertNoLogLeak(t, "concurrent logging", s)
	if n := strings.Count(s, "\n"); n != 400 {
		t.Errorf("got %d lines want 400", n)
	}
}

func FuzzHandlerMessage(f *testing.F) {
	for _, s := range []string{"", "from " + email, phone, "card 4242 4242 4242 4242", "\xff"} {
		f.Add(s)
	}
	r := redact.Default()
	f.Fuzz(func(t *testing.T, msg string) {
		c := newCapture(slog.LevelInfo)
		lg := slog.New(r.Handler(c))
		lg.Info(msg, "v", msg)
		got := c.log.records[0].rec
		want := r.Redact(msg)
		if got.Message != want {
			t.Fatalf("message %q logged as %q want %q", msg, got.Message, want)
		}
		got.Attrs(func(a slog.Attr) bool {
			if a.Value.String() != want {
				t.Fatalf("attribute %q logged as %q want %q", msg, a.Value.String(), want)
			}
			return true
		})
	})
}

func FuzzReplaceAttrJSON(f *testing.F) {
	f.Add("email", email, int64(4242424242424242))
	f.Add("token", "<"+phone+">", int64(-1))
	f.Add(email, "a\"b\\c\n\x01", int64(0))
	f.Add("[EMAIL]", "bob.jones@example.org", int64(7))
	r := redact.Default()
	f.Fuzz(func(t *testing.T, k, v string, n int64) {
		in := map[string]any{k: v, "list": []any{v, n, k}, "o": map[string]any{v: k, email: n}}
		got := r.ReplaceAttr(nil, slog.Any("v", in)).Value.Any()
		raw, ok := got.(json.RawMessage)
		if !ok || !json.Valid(raw) {
			t.Fatalf("ReplaceAttr(%#v) = %T %s want valid JSON", in, got, got)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var tree any
		if err := dec.Decode(&tree); err != nil {
			t.Fatal(err)
		}
		// Nothing detectable is left, in keys, strings or numbers, and the
		// three top-level keys are all there.
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				if m := r.Find(v); m != nil {
					t.Fatalf("ReplaceAttr(%#v) = %s leaves %q in %q", in, raw, v[m[0].Start:m[0].End], v)
				}
			case json.Number:
				walk(string(v))
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				for k, e := range v {
					walk(k)
					walk(e)
				}
			}
		}
		walk(tree)
		if m, _ := tree.(map[string]any); len(m) != len(in) {
			t.Fatalf("ReplaceAttr(%#v) = %s has %d keys want %d", in, raw, len(m), len(in))
		}
	})
}

var benchSink = io.Discard

func BenchmarkHandler(b *testing.B) {
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	// A typical record: five attributes, one of them an email address.
	plain := slog.NewRecord(at, slog.LevelInfo, "first response due in 30m", 0)
	plain.AddAttrs(
		slog.String("ticket", "T-1042"),
		slog.String("status", "pending customer reply"),
		slog.Int("priority", 2),
		slog.Duration("elapsed", 90*time.Minute),
		slog.String("requester", email),
	)
	// A record with a struct value, which goes through encoding/json.
	withStruct := slog.NewRecord(at, slog.LevelInfo, "profile updated", 0)
	withStruct.AddAttrs(slog.String("ticket", "T-1042"), slog.Any("profile", newProfile()))
	r := redact.Default()
	handlers := []struct {
		name string
		h    slog.Handler
	}{
		{"JSONHandler", slog.NewJSONHandler(benchSink, nil)},
		{"JSONHandler+ReplaceAttr", slog.NewJSONHandler(benchSink, &slog.HandlerOptions{ReplaceAttr: r.ReplaceAttr})},
		{"Handler(JSONHandler)", r.Handler(slog.NewJSONHandler(benchSink, nil))},
	}
	records := []struct {
		name string
		rec  slog.Record
	}{{"plain", plain}, {"struct", withStruct}}
	for _, rc := range records {
		for _, hc := range handlers {
			b.Run(rc.name+"/"+hc.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := hc.h.Handle(ctx, rc.rec); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
