package redact

import "strconv"

// Operator says what replaces a detected value. Build one with [Label],
// [Mask], [Pseudonym] or [Remove]; the zero value is [Label].
type Operator struct {
	op   opKind
	keep int    // Mask
	key  []byte // Pseudonym; copied by Pseudonym, never written
}

type opKind uint8

const (
	opLabel opKind = iota
	opMask
	opPseudonym
	opRemove
)

// MinPseudonymKey is the shortest key [Pseudonym] accepts, in bytes.
const MinPseudonymKey = 16

// Label replaces a value by its kind in capitals between brackets:
// "[EMAIL]", "[CREDIT_CARD]". It is the default for every kind.
func Label() Operator { return Operator{op: opLabel} }

// Mask replaces every letter and digit of a value by '*' except the last
// keep of them, and keeps separators and punctuation, so that
// "4242 4242 4242 4242" with Mask(4) reads "**** **** **** 4242". It never
// keeps more than half of a value's letters and digits, so a short value
// is never shown whole: "password: p@ss" with Mask(4) reads
// "password: *@*s". Every
// other character (a non-ASCII letter, say) counts as a letter. A negative
// keep is rejected by [New]. When the kept characters join the text after
// them into a new value, the Redactor masks that as well (see Idempotence
// in the package documentation).
func Mask(keep int) Operator { return Operator{op: opMask, keep: keep} }

// Pseudonym replaces a value by its kind and the first 8 hexadecimal digits
// of HMAC-SHA-256(key, kind + 0x00 + normalized value): "[EMAIL:7f3a9c1e]".
// The same value under the same key always gives the same pseudonym, so
// reports can count one customer's tickets without seeing who the customer
// is; without the key the value cannot be recovered or confirmed by
// guessing. Values are normalized before hashing so that spellings of one
// value agree: e-mail addresses are lower-cased, phone and card numbers
// keep only their digits (and a leading '+'), a North American number
// written without "+1" gets it ("(202) 555-0143" and "+1 202 555 0143"
// share a pseudonym), IBANs lose their spaces and are upper-cased. The key is copied; [New] rejects keys shorter than
// [MinPseudonymKey] bytes. 32 bits of pseudonym tell customers apart well
// in reports of up to tens of thousands of distinct values; they are not
// meant as unique identifiers.
func Pseudonym(key []byte) Operator {
	return Operator{op: opPseudonym, key: append([]byte(nil), key...)}
}

// Remove deletes a value, leaving the text around it. Redaction stays
// idempotent: when deleting values joins the remaining text into something
// that would be detected, the Redactor scans again (see the package
// documentation).
func Remove() Operator { return Operator{op: opRemove} }

// String returns a description of o such as "Mask(4)".
func (o Operator) String() string {
	switch o.op {
	case opMask:
		return "Mask(" + strconv.Itoa(o.keep) + ")"
	case opPseudonym:
		return "Pseudonym"
	case opRemove:
		return "Remove()"
	}
	return "Label()"
}
