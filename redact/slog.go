package redact

import (
	"bytes"
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
//     [encoding.TextMarshaler] values and byte slices;
//   - any other value of kind [slog.KindAny] (structs, maps, slices) is
//     encoded with encoding/json, which honours its json tags and
//     marshalers (a [Sensitive] field stays "[REDACTED]"), and decoded into
//     maps, slices, strings and numbers that are scrubbed in turn, object
//     keys included: sensitive keys lose their values, strings are
//     redacted. A value encoding/json cannot encode becomes the redacted
//     error text "!ERROR:...";
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
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		// Unreachable: encoding/json produced b.
		return slog.StringValue(r.Redact("!ERROR:" + err.Error()))
	}
	switch t := r.scrubJSON(tree).(type) {
	case string:
		return slog.StringValue(t)
	default:
		return slog.AnyValue(t)
	}
}

// scrubJSON redacts a tree decoded by encoding/json with UseNumber, in
// place: the tree is the function's own.
func (r *Redactor) scrubJSON(v any) any {
	switch v := v.(type) {
	case string:
		return r.Redact(v)
	case json.Number:
		if len(r.Find(string(v))) > 0 {
			return r.Redact(string(v))
		}
		return v
	case []any:
		for i := range v {
			v[i] = r.scrubJSON(v[i])
		}
		return v
	case map[string]any:
		// Redacting keys can make two keys equal; visit them in order and
		// number the later ones, so the result does not depend on map
		// iteration order.
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out := make(map[string]any, len(v))
		for _, k := range keys {
			val := v[k]
			if r.IsSensitiveKey(k) {
				val = placeholder
			} else {
				val = r.scrubJSON(val)
			}
			nk := r.Redact(k)
			if _, dup := out[nk]; dup {
				for n := 2; ; n++ {
					c := nk + "#" + strconv.Itoa(n)
					if _, taken := out[c]; !taken {
						nk = c
						break
					}
				}
			}
			out[nk] = val
		}
		return out
	}
	return v
}
