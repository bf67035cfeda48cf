package redact

import (
	"errors"
	"fmt"
	"log/slog"
)

// placeholder is what every door of a [Sensitive] shows instead of its value.
const placeholder = "[REDACTED]"

// ErrPlaceholder is returned by [Sensitive.UnmarshalText] (and so by
// json.Unmarshal and encoding/xml) when the input is the
// placeholder "[REDACTED]" that a Sensitive writes when it is marshalled.
// Loading it would silently replace a customer's address with the
// placeholder; the error says instead that a Sensitive does not survive a
// marshal/unmarshal round trip. Store the value of [Sensitive.Reveal] in a
// plain field where a round trip is needed.
var ErrPlaceholder = errors.New(`redact: input is the Sensitive placeholder "[REDACTED]", not a value: a Sensitive does not survive marshalling`)

// Sensitive holds a personal value, such as a ticket requester's email
// address or phone number, so that it cannot leak through the usual doors
// by accident. Every way a program, a logger or an encoder turns a value into
// text shows the placeholder "[REDACTED]" instead:
//
//   - fmt, with every verb and flag (%v, %+v, %#v, %s, %q, %x, %d, ...),
//     including Sensitive values inside structs, slices, maps and pointers
//     (a width pads the placeholder);
//   - log/slog, through [Sensitive.LogValue], also inside groups;
//   - encoding/json, through [Sensitive.MarshalJSON], also for struct fields;
//   - encoding/xml, map keys in encoding/json and any encoder that uses
//     [encoding.TextMarshaler], through [Sensitive.MarshalText];
//   - code that calls String, through [Sensitive.String];
//   - encoding/gob refuses a Sensitive (it has no exported fields).
//
// All these methods have value receivers, so they apply to a Sensitive and
// to a *Sensitive alike. The value comes out only through the explicit
// method [Sensitive.Reveal]. Where analytics need to tell customers apart
// without seeing them, pass the revealed value to a [Redactor] built with
// the [Pseudonym] operator: it gives the same keyed pseudonym
// ("[EMAIL:7f3a9c1e]") as the same value met in ticket text or logs.
//
// Printers that bypass methods, such as fmt printing a struct's unexported
// field, %p and %!w(...) error forms, or reflection-based dumps used by test
// diffs, see only the internal representation, which holds the value's bytes
// scrambled with a fixed mask. The mask is not encryption: it keeps the value
// out of accidental dumps, not away from code that reads the memory on
// purpose. Such dumps do show the value's length.
//
// Values come in through [NewSensitive] or, for structs loaded from JSON, XML
// or other text formats, through [Sensitive.UnmarshalText], which rejects the
// placeholder with [ErrPlaceholder]: a Sensitive that was marshalled is gone,
// by design.
//
// Sensitive values are comparable: two are == exactly when their values are
// equal, so a Sensitive can be a map key. Note that a JSON object with
// Sensitive keys has every key written as "[REDACTED]".
//
// The zero value holds the empty string and prints "[REDACTED]" like any
// other: the printed form never depends on the value. Use
// [Sensitive.IsZero] (which also makes the json tag option omitzero work) to
// test for emptiness. A Sensitive is immutable and safe for concurrent use.
type Sensitive struct {
	// masked is the value with each byte XORed with mask(i). It is never
	// the plain value, so that reflection-based printers cannot show it.
	masked string
}

// NewSensitive returns a Sensitive holding s.
func NewSensitive(s string) Sensitive {
	return Sensitive{masked: scramble(s)}
}

// scramble XORs each byte of s with mask(i). It is its own inverse. The mask
// always has the high bit set, so that ASCII text becomes bytes that are not
// even valid UTF-8 on their own, and varies with the index, so that repeated
// letters do not show as repeated bytes.
func scramble(s string) string {
	if s == "" {
		return ""
	}
	b := make([]byte, len(s))
	for i := range len(s) {
		b[i] = s[i] ^ mask(i)
	}
	return string(b)
}

func mask(i int) byte {
	return 0x80 | byte(0x5b+i*37)&0x7f
}

// Reveal returns the value. It is the only way to read it as plain text; call
// it where the value is needed (sending the email, storing the ticket), never
// to log.
func (s Sensitive) Reveal() string {
	return scramble(s.masked)
}

// IsZero reports whether s holds the empty string, as the zero Sensitive
// does. With it the json struct tag option omitzero leaves out empty
// Sensitive fields.
func (s Sensitive) IsZero() bool {
	return s.masked == ""
}

// String returns "[REDACTED]".
func (s Sensitive) String() string {
	return placeholder
}

// Format implements [fmt.Formatter]: every verb, %#v and %x included, prints
// "[REDACTED]", padded with spaces to the width if one is given (on the
// right with the '-' flag). The precision is ignored.
func (s Sensitive) Format(f fmt.State, verb rune) {
	pad := 0
	if w, ok := f.Width(); ok && w > len(placeholder) {
		pad = w - len(placeholder)
	}
	left := f.Flag('-')
	if !left {
		writeSpaces(f, pad)
	}
	_, _ = f.Write([]byte(placeholder))
	if left {
		writeSpaces(f, pad)
	}
}

func writeSpaces(f fmt.State, n int) {
	for range n {
		_, _ = f.Write([]byte{' '})
	}
}

// LogValue implements [slog.LogValuer]: a Sensitive logs as the string
// "[REDACTED]".
func (s Sensitive) LogValue() slog.Value {
	return slog.StringValue(placeholder)
}

// MarshalJSON implements [encoding/json.Marshaler]: a Sensitive encodes as
// the JSON string "[REDACTED]".
func (s Sensitive) MarshalJSON() ([]byte, error) {
	return []byte(`"` + placeholder + `"`), nil
}

// MarshalText implements [encoding.TextMarshaler]: a Sensitive encodes as
// "[REDACTED]". encoding/xml and encoding/json (for map keys) use it.
func (s Sensitive) MarshalText() ([]byte, error) {
	return []byte(placeholder), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it sets s to hold
// text, so that a struct with Sensitive fields can be loaded from JSON (a
// JSON string; null leaves s unchanged), XML or any text format. The value
// comes in; it never goes out again through an encoder. UnmarshalText
// returns [ErrPlaceholder] and leaves s unchanged when text is
// "[REDACTED]", the form a marshalled Sensitive takes.
func (s *Sensitive) UnmarshalText(text []byte) error {
	if string(text) == placeholder {
		return ErrPlaceholder
	}
	*s = NewSensitive(string(text))
	return nil
}
