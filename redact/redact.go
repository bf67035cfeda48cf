package redact

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"unsafe"
)

// maxPasses bounds the passes over redacted text (see settle).
const maxPasses = 8

// Find returns the values detected in s, in order of position, never
// overlapping. Offsets are byte offsets into s on UTF-8 boundaries. When
// two kinds claim the same text the more specific one wins (see the package
// documentation). Find takes time linear in len(s) and allocates only for
// its result: nil when nothing is found.
func (r *Redactor) Find(s string) []Match {
	if r == nil {
		return nil
	}
	var buf [16]cand
	cs := scan(r, s, buf[:0], nil)
	if len(cs) == 0 {
		return nil
	}
	out := make([]Match, len(cs))
	for k, c := range cs {
		out[k] = Match{Kind: r.kindOf(c.kind), Start: c.start, End: c.end}
	}
	return out
}

// Redact returns s with every detected value replaced by the operator of
// its kind. It returns s itself, without allocating, when nothing is
// found. Redacting the result again changes nothing. Redact takes time
// linear in len(s), however many values a line holds: it scans s once and
// the lines it changed at most 8 times more (see Idempotence in the
// package documentation).
func (r *Redactor) Redact(s string) string {
	if r == nil {
		return s
	}
	out := r.redact(s)
	if out == nil {
		return s
	}
	// out is a fresh buffer (from apply or a later pass of settle) that
	// nothing else refers to or writes, so the string can share it.
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// RedactBytes is like [Redactor.Redact] for a byte slice. It never writes
// to b. When nothing is found it returns b itself, without allocating;
// otherwise a new slice.
func (r *Redactor) RedactBytes(b []byte) []byte {
	if r == nil {
		return b
	}
	if out := r.redact(bytesView(b)); out != nil {
		return out
	}
	return b
}

// redact returns the redaction of s in a new buffer, or nil when nothing
// is found.
func (r *Redactor) redact(s string) []byte {
	var buf [16]cand
	var pem bool
	cs := scan(r, s, buf[:0], &pem)
	if len(cs) == 0 {
		return nil
	}
	var mb [32]int
	marks := mb[:0]
	if 2*len(cs) > len(mb) {
		marks = make([]int, 0, 2*len(cs)) // apply adds two per value
	}
	out, marks := apply(r, make([]byte, 0, len(s)+8*len(cs)), s, cs, marks)
	return r.settle(out, 0, marks, pem)
}

// appendRedacted appends the redaction of b to dst. w holds buffers that
// are returned, perhaps grown, for the next call, so that a Writer
// allocates nothing once they have grown.
func (r *Redactor) appendRedacted(dst, b []byte, w *scratch) []byte {
	var pem bool
	w.cs = scan(r, bytesView(b), w.cs[:0], &pem)
	if len(w.cs) == 0 {
		return append(dst, b...)
	}
	from := len(dst)
	dst, w.marks = apply(r, dst, b, w.cs, w.marks[:0])
	return r.settle(dst, from, w.marks, pem)
}

// scratch holds the buffers of appendRedacted.
type scratch struct {
	cs    []cand
	marks []int
}

// settle makes redaction idempotent by construction. b[from:] is text that
// apply produced, and marks the offsets in b where its replacements begin
// and end, in pairs. settle scans that text again and redacts what it finds
// until nothing is found or a pass changes nothing (at most maxPasses).
// Replacing a value changes the context of its neighbours: deleting a
// value can bring text together into a new match ("password=x y" becomes
// "password= y"), the characters a mask keeps can join what follows into
// one, and a candidate that lost to an overlapping value may be a value
// of its own once that one is replaced.
//
// No value but a private key block spans a line feed, so only the lines
// that hold a replacement can change, and only they are scanned again,
// unless the text holds a key block's BEGIN line (pem) or some operator is
// Remove, which can join text into one: then the whole text is.
func (r *Redactor) settle(b []byte, from int, marks []int, pem bool) []byte {
	var cs, tmp []cand
	for range maxPasses {
		cs = cs[:0]
		if pem || r.remove {
			cs = scan(r, bytesView(b[from:]), cs, nil)
		} else {
			// Consecutive lines that hold replacements are scanned as
			// one text: no match spans a line feed, so that finds what
			// scanning them one by one finds (the Writer relies on the
			// same).
			prev := from
			for k := 0; k < len(marks); {
				ls := prev + bytes.LastIndexByte(b[prev:marks[k]], '\n') + 1
				le := lineEnd(b, marks[k+1])
				k += 2
				for k < len(marks) && (marks[k] <= le || bytes.IndexByte(b[le+1:marks[k]], '\n') < 0) {
					if marks[k+1] > le { // else the line end is known: no rescan of the line per value
						le = lineEnd(b, marks[k+1])
					}
					k += 2
				}
				prev = le
				tmp = scan(r, bytesView(b[ls:le]), tmp[:0], nil)
				for _, c := range tmp {
					c.start += ls - from
					c.end += ls - from
					cs = append(cs, c)
				}
			}
		}
		if len(cs) == 0 {
			return b
		}
		next, nm := apply(r, append(make([]byte, 0, len(b)+8*len(cs)), b[:from]...), b[from:], cs, marks[:0])
		if string(next) == string(b) {
			return b // masks that keep every character of their values
		}
		b, marks = next, nm
	}
	return b
}

// bytesView returns the bytes of b as a string without copying them, for
// the scanner, which only reads its text and keeps none of it: every scan
// runs on one instantiation of the matchers.
func bytesView(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// lineEnd returns the index of the first line feed in b at or after p, or
// len(b).
func lineEnd(b []byte, p int) int {
	if k := bytes.IndexByte(b[p:], '\n'); k >= 0 {
		return p + k
	}
	return len(b)
}

func (r *Redactor) kindOf(k int) Kind {
	if k < numBuiltin {
		return builtinKinds[k]
	}
	return r.custom[k-numBuiltin].Kind
}

func (r *Redactor) opOf(k int) (*Operator, string) {
	if k < numBuiltin {
		return &r.ops[k], r.labels[k]
	}
	d := &r.custom[k-numBuiltin]
	return &d.op, d.label
}

// apply appends s to dst with the candidates cs replaced, and to marks
// the offsets in dst where each replacement begins and ends.
func apply[T text](r *Redactor, dst []byte, s T, cs []cand, marks []int) ([]byte, []int) {
	var mac hash.Hash
	var macKey []byte
	last := 0
	for _, c := range cs {
		dst = append(dst, s[last:c.start]...)
		marks = append(marks, len(dst))
		op, label := r.opOf(c.kind)
		v := s[c.start:c.end]
		switch op.op {
		case opLabel:
			dst = append(dst, label...)
		case opMask:
			dst = appendMask(dst, v, op.keep)
		case opPseudonym:
			if mac == nil || string(op.key) != string(macKey) {
				mac, macKey = hmac.New(sha256.New, op.key), op.key
			}
			dst = appendPseudonym(dst, mac, label, c.kind, v)
		case opRemove:
		}
		marks = append(marks, len(dst))
		last = c.end
	}
	return append(dst, s[last:]...), marks
}

// appendMask appends v with every letter and digit but the last keep,
// and at most half of them, replaced by '*'. A non-ASCII character counts as a letter and becomes a
// single '*'.
func appendMask[T text](dst []byte, v T, keep int) []byte {
	n := 0
	for k := 0; k < len(v); k++ {
		if maskable(v[k]) {
			n++
		}
	}
	hide := n - min(keep, n/2) // never show more than half a value
	seen := 0
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case c >= 0x80 && c < 0xC0:
			// continuation byte of a masked or kept rune
			if seen <= hide {
				continue
			}
			dst = append(dst, c)
		case maskable(c):
			seen++
			if seen <= hide {
				dst = append(dst, '*')
			} else {
				dst = append(dst, c)
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func maskable(c byte) bool { return isAlnum(c) || c >= 0xC0 }

// appendPseudonym appends "[KIND:xxxxxxxx]".
func appendPseudonym[T text](dst []byte, mac hash.Hash, label string, kind int, v T) []byte {
	mac.Reset()
	var nb [64]byte
	norm := normalize(nb[:0], kind, v)
	if kind < numBuiltin {
		mac.Write([]byte(builtinKinds[kind]))
	} else {
		mac.Write([]byte(label))
	}
	mac.Write([]byte{0})
	mac.Write(norm)
	var sum [sha256.Size]byte
	h := mac.Sum(sum[:0])
	dst = append(dst, label[:len(label)-1]...)
	dst = append(dst, ':')
	var hx [8]byte
	hex.Encode(hx[:], h[:4])
	dst = append(dst, hx[:]...)
	return append(dst, ']')
}

// normalize returns the form of v that pseudonyms hash: e-mail addresses
// lower-cased, phone and card numbers as digits (see normalizePhone), IBANs
// without spaces in capitals, anything else as it is.
func normalize[T text](dst []byte, kind int, v T) []byte {
	switch kind {
	case kEmail:
		for k := 0; k < len(v); k++ {
			dst = append(dst, lower(v[k]))
		}
	case kPhone:
		dst = normalizePhone(dst, v)
	case kCard:
		for k := 0; k < len(v); k++ {
			if isDigit(v[k]) {
				dst = append(dst, v[k])
			}
		}
	case kIBAN:
		for k := 0; k < len(v); k++ {
			if v[k] != ' ' {
				dst = append(dst, v[k]-byte(boolInt(isLower(v[k])))*('a'-'A'))
			}
		}
	default:
		dst = append(dst, v...)
	}
	return dst
}

// normalizePhone appends the digits of the phone number v with a leading
// '+' if it has one. A number without '+' whose digits before any extension
// are a NANP number (NXX NXX XXXX, optionally after a 1) gets the country
// code "+1", so that "(202) 555-0143" and "+1 202 555 0143" share a
// pseudonym; other national numbers cannot be told apart by country and
// keep their digits.
func normalizePhone[T text](dst []byte, v T) []byte {
	start := len(dst)
	plus := len(v) > 0 && v[0] == '+'
	if plus {
		dst = append(dst, '+')
	}
	k := 0
	for ; k < len(v) && !isUpper(v[k]) && !isLower(v[k]) && v[k] != '#'; k++ { // up to an extension
		if isDigit(v[k]) {
			dst = append(dst, v[k])
		}
	}
	if main := dst[start:]; !plus {
		if len(main) == 11 && main[0] == '1' {
			main = main[1:]
		}
		if len(main) == 10 && nanpDigits(main) {
			var d [10]byte // main lies in dst, which the appends overwrite
			copy(d[:], main)
			dst = append(append(dst[:start], '+', '1'), d[:]...)
		}
	}
	for ; k < len(v); k++ {
		if isDigit(v[k]) {
			dst = append(dst, v[k])
		}
	}
	return dst
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
