package redact

// MaxDetectorLen is the largest [Detector.MaxLen].
const MaxDetectorLen = 1024

// Detector adds a custom kind to a [Redactor] without forking it.
//
// The scanner calls Match only at candidate positions: a byte listed in
// Start that begins a word (the byte before it is not an ASCII letter, digit
// or underscore, or the byte itself is not one). Match sees the text from
// that position up to the end of the line and at most MaxLen bytes, and
// returns the length of the value that begins there, or 0 for none. A
// length that is longer than its argument, or that does not end on a UTF-8
// boundary, counts as no match. Validate, when set, then decides on the
// value itself (a checksum, say). A Match whose value runs to the end of a
// MaxLen-byte argument should return 0: the value may go on past it, and
// once its start is replaced by a label the rest would begin a word and
// be found again, one piece a pass.
//
// Because Match never sees more than MaxLen bytes and is called at most
// once per byte of input, a Match that is linear in its argument keeps the
// whole scan linear in the input. Matches never span lines. When a custom
// match overlaps another, the more specific one wins: built-in kinds with a
// checksum (credit_card, iban) beat everything, then validated kinds (a
// custom detector with Validate counts as validated), then ipv4 and ipv6,
// then phone, then custom detectors without Validate; ties go to the longer
// match. This holds for values that begin inside a custom match too: the
// scan goes on inside it, so an address that a custom match cuts into
// ("jane.doe" of "jane.doe@example.com") still wins if it is longer.
type Detector struct {
	// Kind names the values found. It must be 1 to 32 bytes of lower-case
	// ASCII letters, digits and underscores, and differ from the built-in
	// kinds and from other detectors.
	Kind Kind
	// Start lists the bytes a value can begin with. It must not be empty.
	Start string
	// Match returns the length of the value at the start of s, or 0.
	Match func(s string) int
	// Validate, when not nil, reports whether a value found by Match is one.
	Validate func(value string) bool
	// MaxLen bounds the text given to Match; 0 means 64. At most MaxDetectorLen.
	MaxLen int
}
