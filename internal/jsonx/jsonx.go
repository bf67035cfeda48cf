// Package jsonx holds the strict JSON decoding that slakit's loaders share.
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// ErrTrailingData reports data after the single JSON value a loader reads.
var ErrTrailingData = errors.New("trailing data after the JSON value")

// DecodeStrict decodes exactly one JSON value from data into v, rejecting
// unknown fields and anything after the value.
func DecodeStrict(data []byte, v any) error {
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
