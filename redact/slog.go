package redact

import (
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
)

// ReplaceAttr redacts one attribute; it is meant for the ReplaceAttr field
// of [slog.HandlerOptions], so that a built-in handler scrubs what it
// writes:
//
//	h := slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: r.ReplaceAttr})
//
// An attribute whose key, or the name of one of the groups that hold it, is
// sensitive (see [Redactor.IsSensitiveKey]: password, token, authorization,
// cookie, ...) gets the string value "[REDACTED]" whatever it held. Other
// values are scrubbed by kind:
//
//   - strings go through [Redactor.Redact]; so does the message, which the
//     built-in handlers pass as the attribute [slog.MessageKey];
//   - integers whose decimal form holds a detected value (a card number
//     logged as an int64) become the redacted string;
//   - errors and [fmt.Stringer] values become their redacted text, and so do
//     [fmt.Formatter] values (printed with %+v, as a text handler would),
//     [encoding.TextMarshaler] values and byte slices;
//   - any other value of kind [slog.KindAny] (structs, maps, slices) is
//     encoded with encoding/json, which honours its json tags and
//     marshalers (a [Sensitive] field stays "[REDACTED]", a `json:"-"`
//     field stays out), and the JSON is scrubbed: values under sensitive
//     object keys become "[REDACTED]", strings, object keys and numbers are
//     redacted, and object keys that become equal get "#2", "#3", ...
//     suffixes so that none is lost. Objects and arrays come out as a
//     [encoding/json.RawMessage], which a JSON handler writes as JSON and a
//     text handler as quoted JSON text. Values of basic kinds (named
//     strings and numbers) in which nothing was found keep their type;
//     other values that encode as a JSON scalar are replaced by it. A value
//     encoding/json cannot encode becomes the redacted error text
//     "!ERROR:...";
//   - booleans, floats, times, durations, the [slog.Level] and the
//     *[slog.Source] of a record are left as they are.
//
// [slog.LogValuer] values are resolved first. Attribute keys are not
// scanned, only the keys of decoded objects.
//
// The built-in handlers call ReplaceAttr on the leaves of groups, never on a
// group attribute itself (its name arrives in groups), so a group whose
// name is sensitive is scrubbed leaf by leaf, each leaf getting
// "[REDACTED]". When ReplaceAttr is called on a group attribute (as a
// custom handler may do), it scrubs the group's members. ReplaceAttr never
// modifies a or the attributes of a group it holds; it returns a new
// attribute when something changed. For a handler that also scrubs groups
// whole and redacts attributes added by [slog.Logger.With] once instead of
// on every record, use [Redactor.Handler].
func (r *Redactor) ReplaceAttr(groups []string, a slog.Attr) slog.Attr {
	under := false
	for _, g := range groups {
		if r.IsSensitiveKey(g) {
			under = true
			break
		}
	}
	return r.scrubAttr(a, under)
}

// Handler returns a [slog.Handler] that redacts each record and then passes
// it to next. It redacts the message with [Redactor.Redact] and every
// attribute as [Redactor.ReplaceAttr] does, nested groups included, with one
// difference: a group attribute whose key is sensitive is replaced whole by
// the string "[REDACTED]". Attributes added through [slog.Handler.WithAttrs]
// (as [slog.Logger.With] does) are redacted once, when they are added, not
// on every record; after [slog.Handler.WithGroup] with a sensitive name,
// every attribute logged inside the group is replaced by "[REDACTED]".
//
// The handler never modifies the record it is given or its attributes: it
// builds a new record with the same time, level and program counter.
// Enabled is next's. The handler is immutable and safe for concurrent use
// if next is.
//
// Handler panics if r or next is nil: a nil Redactor detects nothing, and a
// logger that silently stopped redacting (after an ignored error from [New],
// say) is worse than a program that stops at its start.
func (r *Redactor) Handler(next slog.Handler) slog.Handler {
	if r == nil {
		panic("redact: Handler on a nil *Redactor")
	}
	if next == nil {
		panic("redact: Handler: nil next handler")
	}
	return &handler{r: r, next: next}
}

// handler is the [slog.Handler] returned by [Redactor.Handler].
type handler struct {
	r    *Redactor
	next slog.Handler
	// under is set inside a WithGroup whose name is sensitive.
	under bool
}

func (h *handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h *handler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.Redact(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.r.handlerAttr(a, h.under))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}
	scrubbed := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		scrubbed[i] = h.r.handlerAttr(a, h.under)
	}
	return &handler{r: h.r, next: h.next.WithAttrs(scrubbed), under: h.under}
}

func (h *handler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	return &handler{r: h.r, next: h.next.WithGroup(name), under: h.under || h.r.IsSensitiveKey(name)}
}

// handlerAttr is scrubAttr, except that a group under a sensitive key is
// replaced whole.
func (r *Redactor) handlerAttr(a slog.Attr, under bool) slog.Attr {
	if a.Key != "" && (under || r.IsSensitiveKey(a.Key)) {
		return slog.String(a.Key, placeholder)
	}
	a.Value = a.Value.Resolve()
	if a.Value.Kind() != slog.KindGroup {
		return r.scrubAttr(a, under)
	}
	return slog.Attr{Key: a.Key, Value: r.scrubGroup(a.Value.Group(), under, r.handlerAttr)}
}

// scrubAttr redacts a as ReplaceAttr documents; under reports that a lies
// inside a group with a sensitive name.
func (r *Redactor) scrubAttr(a slog.Attr, under bool) slog.Attr {
	if a.Key == "" && a.Value.Kind() == slog.KindAny && a.Value.Any() == nil {
		return a // the empty attribute, which handlers ignore
	}
	a.Value = a.Value.Resolve()
	if a.Value.Kind() == slog.KindGroup {
		if a.Key != "" && r.IsSensitiveKey(a.Key) {
			under = true
		}
		return slog.Attr{Key: a.Key, Value: r.scrubGroup(a.Value.Group(), under, r.scrubAttr)}
	}
	if under || r.IsSensitiveKey(a.Key) {
		return slog.String(a.Key, placeholder)
	}
	a.Value = r.scrubValue(a.Value)
	return a
}

// scrubGroup returns a new group value holding attrs scrubbed by f. It
// never writes to attrs, which belongs to the caller.
func (r *Redactor) scrubGroup(attrs []slog.Attr, under bool, f func(slog.Attr, bool) slog.Attr) slog.Value {
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		out[i] = f(a, under)
	}
	return slog.GroupValue(out...)
}

// scrubValue redacts a resolved value that is not a group.
func (r *Redactor) scrubValue(v slog.Value) slog.Value {
	switch v.Kind() {
	case slog.KindString:
		s := v.String()
		if red := r.Redact(s); red != s {
			return slog.StringValue(red)
		}
		return v
	case slog.KindInt64:
		return r.scrubNumber(v, strconv.FormatInt(v.Int64(), 10))
	case slog.KindUint64:
		return r.scrubNumber(v, strconv.FormatUint(v.Uint64(), 10))
	case slog.KindAny:
		return r.scrubAny(v)
	}
	return v
}

// scrubNumber returns v, or the redaction of its decimal form s when s
// holds a detected value.
func (r *Redactor) scrubNumber(v slog.Value, s string) slog.Value {
	if len(r.Find(s)) == 0 {
		return v
	}
	return slog.StringValue(r.Redact(s))
}

// scrubAny redacts a value of kind Any. A method of the value that panics
// gives, as in the built-in handlers, "<nil>" for a nil pointer and the
// redacted panic message otherwise.
func (r *Redactor) scrubAny(v slog.Value) (out slog.Value) {
	x := v.Any()
	defer func() {
		if p := recover(); p != nil {
			if rv := reflect.ValueOf(x); rv.Kind() == reflect.Pointer && rv.IsNil() {
				out = slog.StringValue("<nil>")
				return
			}
			out = slog.StringValue(r.Redact(fmt.Sprintf("!PANIC: %v", p)))
		}
	}()
	switch x := x.(type) {
	case nil, slog.Level, *slog.Source:
		return v
	case error:
		return slog.StringValue(r.Redact(x.Error()))
	case fmt.Stringer:
		return slog.StringValue(r.Redact(x.String()))
	case fmt.Formatter:
		return slog.StringValue(r.Redact(fmt.Sprintf("%+v", x)))
	case encoding.TextMarshaler:
		b, err := x.MarshalText()
		if err != nil {
			return slog.StringValue(r.Redact("!ERROR:" + err.Error()))
		}
		return slog.StringValue(string(r.RedactBytes(b)))
	case []byte:
		return slog.StringValue(string(r.RedactBytes(x)))
	}
	b, err := json.Marshal(x)
	if err != nil {
		return slog.StringValue(r.Redact("!ERROR:" + err.Error()))
	}
	sc := jsonScrubber{r: r, src: b, out: make([]byte, 0, len(b)+16)}
	sc.value()
	// A value of a basic kind prints as its JSON says, so when nothing was
	// redacted it can stay as it is. Any other value (a struct whose
	// MarshalJSON writes a string, say) is replaced by its JSON, lest a
	// handler print fields the JSON left out.
	k := reflect.TypeOf(x).Kind()
	basic := reflect.Bool <= k && k <= reflect.Float64 || k == reflect.String
	switch b[0] {
	case '{', '[':
		return slog.AnyValue(json.RawMessage(sc.out))
	case '"':
		if basic && !sc.changed {
			return v
		}
		var str string
		if err := json.Unmarshal(sc.out, &str); err != nil {
			// Unreachable: the scrubber writes valid JSON strings.
			return slog.StringValue(r.Redact("!ERROR:" + err.Error()))
		}
		return slog.StringValue(str)
	}
	switch {
	case sc.changed:
		// A number that held a detected value, now a JSON string.
		return slog.StringValue(string(sc.out[1 : len(sc.out)-1]))
	case basic:
		return v
	}
	return slog.AnyValue(json.RawMessage(sc.out))
}

// jsonScrubber rewrites JSON written by encoding/json (so valid and
// compact), redacting strings, object keys and numbers, and replacing the
// values of sensitive keys by "[REDACTED]". It keeps the order of keys.
// Object keys that become equal once redacted get "#2", "#3", ... so that
// no key is lost.
type jsonScrubber struct {
	r       *Redactor
	src     []byte
	i       int
	out     []byte
	keys    []string // output keys of the objects being written, innermost last
	changed bool
}

func (s *jsonScrubber) value() {
	switch c := s.src[s.i]; c {
	case '{':
		s.object()
	case '[':
		s.out = append(s.out, '[')
		s.i++
		for s.src[s.i] != ']' {
			if s.src[s.i] == ',' {
				s.out = append(s.out, ',')
				s.i++
			}
			s.value()
		}
		s.out = append(s.out, ']')
		s.i++
	case '"':
		s.writeString(s.redacted(s.readString()))
	case 't', 'f', 'n':
		j := s.i
		for s.i < len(s.src) && 'a' <= s.src[s.i] && s.src[s.i] <= 'z' {
			s.i++
		}
		s.out = append(s.out, s.src[j:s.i]...)
	default: // a number
		j := s.i
		for s.i < len(s.src) && isNumberByte(s.src[s.i]) {
			s.i++
		}
		num := s.src[j:s.i]
		if red := s.r.RedactBytes(num); !sameBytes(red, num) {
			s.changed = true
			s.writeString(red)
			return
		}
		s.out = append(s.out, num...)
	}
}

func (s *jsonScrubber) object() {
	s.out = append(s.out, '{')
	s.i++
	base := len(s.keys)
	for s.src[s.i] != '}' {
		if s.src[s.i] == ',' {
			s.out = append(s.out, ',')
			s.i++
		}
		raw := s.readString()
		s.i++ // ':'
		key := string(raw)
		sensitive := s.r.IsSensitiveKey(key)
		if red := s.redacted(raw); !sameBytes(red, raw) {
			key = s.unique(string(red), base)
		}
		s.keys = append(s.keys, key)
		s.writeString([]byte(key))
		s.out = append(s.out, ':')
		if sensitive {
			s.skipValue()
			s.changed = true
			s.out = append(s.out, `"`+placeholder+`"`...)
		} else {
			s.value()
		}
	}
	s.keys = s.keys[:base]
	s.out = append(s.out, '}')
	s.i++
}

// unique returns key, or key with the smallest "#n" suffix that no key of
// the current object (s.keys[base:]) has taken.
func (s *jsonScrubber) unique(key string, base int) string {
	cand := key
	for n := 2; slices.Contains(s.keys[base:], cand); n++ {
		cand = key + "#" + strconv.Itoa(n)
	}
	return cand
}

// redacted returns the redaction of b, or b itself when nothing is found.
func (s *jsonScrubber) redacted(b []byte) []byte {
	red := s.r.RedactBytes(b)
	if !sameBytes(red, b) {
		s.changed = true
	}
	return red
}

// readString consumes a JSON string and returns its decoded contents; the
// result may alias s.src.
func (s *jsonScrubber) readString() []byte {
	j := s.i + 1
	k, escaped := j, false
	for s.src[k] != '"' {
		if s.src[k] == '\\' {
			escaped = true
			k++
		}
		k++
	}
	s.i = k + 1
	if !escaped {
		return s.src[j:k]
	}
	var str string
	if err := json.Unmarshal(s.src[j-1:k+1], &str); err != nil {
		return nil // unreachable: encoding/json wrote the string
	}
	return []byte(str)
}

// skipValue consumes one JSON value.
func (s *jsonScrubber) skipValue() {
	depth := 0
	for {
		switch s.src[s.i] {
		case '"':
			s.readString()
		case '{', '[':
			depth++
			s.i++
		case '}', ']':
			depth--
			s.i++
		default:
			s.i++
		}
		if depth == 0 && (s.i == len(s.src) || s.src[s.i] == ',' || s.src[s.i] == '}' || s.src[s.i] == ']') {
			return
		}
	}
}

// writeString appends b, valid UTF-8, as a JSON string.
func (s *jsonScrubber) writeString(b []byte) {
	const hex = "0123456789abcdef"
	s.out = append(s.out, '"')
	for _, c := range b {
		switch {
		case c == '"' || c == '\\':
			s.out = append(s.out, '\\', c)
		case c == '\n':
			s.out = append(s.out, '\\', 'n')
		case c == '\r':
			s.out = append(s.out, '\\', 'r')
		case c == '\t':
			s.out = append(s.out, '\\', 't')
		case c < 0x20:
			s.out = append(s.out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			s.out = append(s.out, c)
		}
	}
	s.out = append(s.out, '"')
}

func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// sameBytes reports whether a and b are the same slice, as RedactBytes
// returns its argument when it finds nothing.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
