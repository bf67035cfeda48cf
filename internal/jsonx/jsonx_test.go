package jsonx_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/jsonx"
)

type inner struct {
	Within string `json:"within"`
	Skip   string `json:"-"`
}

type base struct {
	ID int `json:"id"`
}

// self decodes itself: DecodeStrict leaves its input alone.
type self struct{ raw string }

func (s *self) UnmarshalJSON(b []byte) error { s.raw = string(b); return nil }

type outer struct {
	base
	Name    string             `json:"name,omitempty"`
	Plain   int                // no tag: the field's name
	Targets map[string][]inner `json:"targets"`
	Inner   *inner             `json:"inner"`
	Any     any                `json:"any"`
	Self    self               `json:"self"`
}

func TestDecodeStrict(t *testing.T) {
	ok := []string{
		`{"id":1,"name":"x","Plain":2,"targets":{"P1":[{"within":"1h"}],"p1":[]},"inner":{"within":"2h"},"any":{"Anything":1,"anything":2},"self":{"Within":1,"Within":2}}`,
		`{}`,
		`null`,
		` {"inner":null} `,
	}
	for _, in := range ok {
		var got, want outer
		if err := jsonx.DecodeStrict([]byte(in), &got); err != nil {
			t.Errorf("DecodeStrict(%s) = %v", in, err)
			continue
		}
		if err := json.Unmarshal([]byte(in), &want); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeStrict(%s) = %+v, encoding/json gives %+v, %v", in, got, want, err)
		}
	}
	bad := []struct{ in, want string }{
		// encoding/json alone accepts all of the first five.
		{`{"Name":"x"}`, `unknown field "Name"`},
		{`{"plain":1}`, `unknown field "plain"`},
		{`{"targets":{"P1":[{"within":"1h"},{"Within":"2h"}]}}`, `unknown field "targets.P1[1].Within"`},
		{`{"inner":{"WITHIN":"1h"}}`, `unknown field "inner.WITHIN"`},
		{`{"name":"a","name":"b"}`, `field "name" appears twice`},
		{`{"targets":{"P1":[],"P1":[]}}`, `field "targets.P1" appears twice`},
		{`{"ID":1}`, `unknown field "ID"`},
		{`{"Skip":"x"}`, `unknown field "Skip"`},
		{`{"other":1}`, `unknown field "other"`},
		{`{"name":"x"} {}`, jsonx.ErrTrailingData.Error()},
		{`{"name":}`, `invalid character`},
		{`{"name":1}`, `cannot unmarshal number`},
	}
	for _, tc := range bad {
		var v outer
		err := jsonx.DecodeStrict([]byte(tc.in), &v)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DecodeStrict(%s) = %v want an error containing %q", tc.in, err, tc.want)
		}
	}
	var v outer
	if err := jsonx.DecodeStrict([]byte(`{} x`), &v); !errors.Is(err, jsonx.ErrTrailingData) {
		t.Errorf("trailing data: %v want ErrTrailingData", err)
	}
}

// FuzzDecodeStrict checks that DecodeStrict never panics and accepts only
// what encoding/json accepts, decoding it to the same value.
func FuzzDecodeStrict(f *testing.F) {
	f.Add(`{"id":1,"name":"x","targets":{"P1":[{"within":"1h"}]},"inner":{"within":"2h"}}`)
	f.Add(`{"Name":"x","name":"y"}`)
	f.Add(`[1,2]`)
	f.Fuzz(func(t *testing.T, in string) {
		var got, want outer
		if jsonx.DecodeStrict([]byte(in), &got) != nil {
			return
		}
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("DecodeStrict(%q) accepted what encoding/json rejects: %v", in, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("DecodeStrict(%q) = %+v, encoding/json %+v", in, got, want)
		}
	})
}
