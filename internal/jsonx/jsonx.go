// Package jsonx holds the strict JSON decoding that slakit's loaders share.
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// ErrTrailingData reports data after the single JSON value a loader reads.
var ErrTrailingData = errors.New("trailing data after the JSON value")

// DecodeStrict decodes exactly one JSON value from data into v, rejecting
// unknown fields and anything after the value. Unlike encoding/json alone,
// it matches the keys of objects that fill a struct exactly ("within", not
// "Within") and rejects a key that appears twice in one object, at every
// depth; values whose type decodes itself (a json.Unmarshaler) are left to
// that type.
func DecodeStrict(data []byte, v any) error {
	if t := reflect.TypeOf(v); t != nil && t.Kind() == reflect.Pointer {
		var ke *keyError
		if err := checkValue(json.NewDecoder(bytes.NewReader(data)), t.Elem(), ""); errors.As(err, &ke) {
			return err
		}
		// Any other error is a syntax error, which Decode reports.
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return ErrTrailingData
	}
	return nil
}

// keyError reports an object key that names no field exactly, or one that
// appears twice.
type keyError struct {
	path   string
	repeat bool
}

func (e *keyError) Error() string {
	if e.repeat {
		return "field " + strconv.Quote(e.path) + " appears twice"
	}
	return "unknown field " + strconv.Quote(e.path)
}

var unmarshaler = reflect.TypeFor[json.Unmarshaler]()

// checkValue reads one value from dec, which holds valid JSON, and reports
// an object key that does not name a field of t exactly or appears twice.
// path names the value in errors ("targets.P1[0]").
func checkValue(dec *json.Decoder, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshaler) {
		var skip json.RawMessage // the type checks its own input
		return dec.Decode(&skip)
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('['):
		var elem reflect.Type
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			elem = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := checkOrSkip(dec, elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case json.Delim('{'):
		var fields map[string]reflect.Type
		var elem reflect.Type
		switch t.Kind() {
		case reflect.Struct:
			fields = fieldTypes(t)
		case reflect.Map:
			elem = t.Elem()
		}
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := tok.(string)
			if seen[key] {
				return &keyError{join(path, key), true}
			}
			seen[key] = true
			ft := elem
			if fields != nil {
				var ok bool
				if ft, ok = fields[key]; !ok {
					return &keyError{join(path, key), false}
				}
			}
			if err := checkOrSkip(dec, ft, join(path, key)); err != nil {
				return err
			}
		}
	default:
		return nil // a scalar
	}
	_, err = dec.Token() // the closing delimiter
	return err
}

// checkOrSkip checks the next value against t, or skips it when t is nil
// (a value nothing is known about, such as an interface).
func checkOrSkip(dec *json.Decoder, t reflect.Type, path string) error {
	if t == nil || t.Kind() == reflect.Interface {
		var skip json.RawMessage
		return dec.Decode(&skip)
	}
	return checkValue(dec, t, path)
}

// fieldTypes maps the JSON names of struct t's fields, as encoding/json
// names them (the tag's name, else the field's), to their types, with the
// fields of embedded structs promoted.
func fieldTypes(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			et := f.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				for k, v := range fieldTypes(et) {
					if _, ok := out[k]; !ok {
						out[k] = v
					}
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
