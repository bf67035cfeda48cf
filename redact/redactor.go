package redact

import (
	"errors"
	"fmt"
	"sync"
)

// Errors returned by [New], wrapped with the option and the offending value.
var (
	// ErrInvalidKind reports a kind name that is empty or not made of
	// lower-case ASCII letters, digits and underscores (at most 32 bytes).
	ErrInvalidKind = errors.New("invalid kind name")
	// ErrUnknownKind reports a kind that is neither built in nor added by
	// [WithDetector].
	ErrUnknownKind = errors.New("unknown kind")
	// ErrDuplicateKind reports a custom detector whose kind is already taken.
	ErrDuplicateKind = errors.New("duplicate kind")
	// ErrInvalidDetector reports a [Detector] with a missing or bad field.
	ErrInvalidDetector = errors.New("invalid detector")
	// ErrInvalidOperator reports an [Operator] that cannot work: a negative
	// mask length or a pseudonym key shorter than [MinPseudonymKey].
	ErrInvalidOperator = errors.New("invalid operator")
)

// numBuiltin is the number of built-in kinds.
const numBuiltin = len(builtinKinds)

// Redactor finds personal data and secrets in text and replaces them.
//
// A Redactor is built by [New] or [Default], is immutable, and is safe for
// simultaneous use by multiple goroutines. The zero value detects nothing
// and redacts nothing; use [New].
type Redactor struct {
	cls     [256]uint16   // trigger classes per byte, see scan.go
	stop    [1 << 16]bool // [c<<8|p]: the scanner looks at c after p, see scan.go
	enabled [numBuiltin]bool
	ops     [numBuiltin]Operator
	labels  [numBuiltin]string
	custom  []customDetector
	keys    []string // sensitive attribute keys, normalized
	remove  bool     // some operator is Remove, which can join text into a key block's BEGIN line
}

type customDetector struct {
	Detector
	first [256]bool
	op    Operator
	label string
	prio  int8
}

// Option configures a [Redactor] built by [New].
type Option func(*config)

type config struct {
	kinds     []Kind
	kindsSet  bool
	ops       map[Kind]Operator
	opOrder   []Kind
	defOp     *Operator
	detectors []Detector
	keys      []string
	errs      []error
}

func (c *config) fail(err error) { c.errs = append(c.errs, err) }

// WithKinds restricts detection to the given kinds, built-in or added by
// [WithDetector]. Without it every kind is detected. An unknown kind makes
// [New] fail with [ErrUnknownKind].
func WithKinds(kinds ...Kind) Option {
	kinds = append([]Kind(nil), kinds...)
	return func(c *config) {
		c.kindsSet = true
		c.kinds = append(c.kinds, kinds...)
	}
}

// WithOperator sets the operator applied to values of one kind. The last
// WithOperator for a kind wins. An unknown kind makes [New] fail with
// [ErrUnknownKind]; an unusable operator with [ErrInvalidOperator].
func WithOperator(kind Kind, op Operator) Option {
	op.key = append([]byte(nil), op.key...)
	return func(c *config) {
		if c.ops == nil {
			c.ops = make(map[Kind]Operator)
		}
		if _, ok := c.ops[kind]; !ok {
			c.opOrder = append(c.opOrder, kind)
		}
		c.ops[kind] = op
	}
}

// WithDefaultOperator sets the operator for every kind that has no
// [WithOperator] of its own. Without it the default is [Label].
func WithDefaultOperator(op Operator) Option {
	op.key = append([]byte(nil), op.key...)
	return func(c *config) { c.defOp = &op }
}

// WithDetector adds a custom kind. See [Detector] for the rules its fields
// must follow; [New] reports a broken one with [ErrInvalidDetector],
// [ErrInvalidKind] or [ErrDuplicateKind].
func WithDetector(d Detector) Option {
	return func(c *config) { c.detectors = append(c.detectors, d) }
}

// New returns a Redactor configured by opts. Without options it is the
// same as [Default]: every built-in kind, replaced by its label. Building
// one takes some tens of microseconds and about 75 KB (the scanner's
// tables); build it once and share it, as it is safe for concurrent use.
func New(opts ...Option) (*Redactor, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	r := &Redactor{}
	for i, k := range builtinKinds {
		r.labels[i] = labelOf(k)
		r.enabled[i] = !c.kindsSet
	}
	known := map[Kind]bool{}
	for _, k := range builtinKinds {
		known[k] = true
	}
	for i, d := range c.detectors {
		cd, err := newCustom(d)
		if err != nil {
			c.fail(fmt.Errorf("redact: WithDetector #%d: %w", i, err))
			continue
		}
		if known[d.Kind] {
			c.fail(fmt.Errorf("redact: WithDetector #%d: Kind %q: %w", i, d.Kind, ErrDuplicateKind))
			continue
		}
		known[d.Kind] = true
		r.custom = append(r.custom, cd)
	}
	if c.kindsSet {
		if len(c.kinds) == 0 {
			c.fail(fmt.Errorf("redact: WithKinds: no kinds: %w", ErrUnknownKind))
		}
		on := map[Kind]bool{}
		for _, k := range c.kinds {
			if !known[k] {
				c.fail(fmt.Errorf("redact: WithKinds: kind %q: %w", k, ErrUnknownKind))
			}
			on[k] = true
		}
		for i, k := range builtinKinds {
			r.enabled[i] = on[k]
		}
		kept := r.custom[:0]
		for _, cd := range r.custom {
			if on[cd.Kind] {
				kept = append(kept, cd)
			}
		}
		r.custom = kept
	}
	def := Label()
	if c.defOp != nil {
		if err := checkOperator(*c.defOp); err != nil {
			c.fail(fmt.Errorf("redact: WithDefaultOperator: %w", err))
		}
		def = *c.defOp
	}
	for i := range r.ops {
		r.ops[i] = def
	}
	for i := range r.custom {
		r.custom[i].op = def
	}
	for _, k := range c.opOrder {
		op := c.ops[k]
		if err := checkOperator(op); err != nil {
			c.fail(fmt.Errorf("redact: WithOperator(%q): %w", k, err))
			continue
		}
		if !known[k] {
			c.fail(fmt.Errorf("redact: WithOperator: kind %q: %w", k, ErrUnknownKind))
			continue
		}
		if i := builtinIndex(k); i >= 0 {
			r.ops[i] = op
		}
		for j := range r.custom {
			if r.custom[j].Kind == k {
				r.custom[j].op = op
			}
		}
	}
	r.keys = normalizeKeys(append(defaultSensitiveKeys[:len(defaultSensitiveKeys):len(defaultSensitiveKeys)], c.keys...))
	for _, k := range c.keys {
		if k == "" {
			c.fail(fmt.Errorf("redact: WithSensitiveKeys: empty key: %w", ErrInvalidKind))
		}
	}
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	for i := range r.ops {
		r.remove = r.remove || r.enabled[i] && r.ops[i].op == opRemove
	}
	for _, cd := range r.custom {
		r.remove = r.remove || cd.op.op == opRemove
	}
	r.buildClasses()
	return r, nil
}

var defaultRedactor = sync.OnceValue(func() *Redactor {
	r, err := New()
	if err != nil {
		panic("redact: building the default Redactor: " + err.Error())
	}
	return r
})

// Default returns a Redactor that detects every built-in kind and replaces
// each value by its label ("[EMAIL]"). It is built once, on first use,
// and shared: a Redactor is immutable, so sharing it is safe.
func Default() *Redactor { return defaultRedactor() }

func checkOperator(op Operator) error {
	switch op.op {
	case opMask:
		if op.keep < 0 {
			return fmt.Errorf("Mask(%d): negative length: %w", op.keep, ErrInvalidOperator)
		}
	case opPseudonym:
		if len(op.key) < MinPseudonymKey {
			return fmt.Errorf("Pseudonym: key of %d bytes, want at least %d: %w", len(op.key), MinPseudonymKey, ErrInvalidOperator)
		}
	case opLabel, opRemove:
	default:
		return fmt.Errorf("operator %d: %w", op.op, ErrInvalidOperator)
	}
	return nil
}

func builtinIndex(k Kind) int {
	for i, b := range builtinKinds {
		if b == k {
			return i
		}
	}
	return -1
}

// labelOf returns "[KIND]" for a kind name made of [a-z0-9_].
func labelOf(k Kind) string {
	b := make([]byte, 0, len(k)+2)
	b = append(b, '[')
	for i := 0; i < len(k); i++ {
		c := k[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(append(b, ']'))
}

func validKindName(k Kind) bool {
	if len(k) == 0 || len(k) > 32 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func newCustom(d Detector) (customDetector, error) {
	cd := customDetector{Detector: d}
	if !validKindName(d.Kind) {
		return cd, fmt.Errorf("Kind %q: %w", d.Kind, ErrInvalidKind)
	}
	if d.Match == nil {
		return cd, fmt.Errorf("kind %q: Match is nil: %w", d.Kind, ErrInvalidDetector)
	}
	if d.Start == "" {
		return cd, fmt.Errorf("kind %q: Start is empty: %w", d.Kind, ErrInvalidDetector)
	}
	if d.MaxLen < 0 || d.MaxLen > MaxDetectorLen {
		return cd, fmt.Errorf("kind %q: MaxLen %d out of [0, %d]: %w", d.Kind, d.MaxLen, MaxDetectorLen, ErrInvalidDetector)
	}
	if cd.MaxLen == 0 {
		cd.MaxLen = 64
	}
	for i := 0; i < len(d.Start); i++ {
		cd.first[d.Start[i]] = true
	}
	cd.label = labelOf(d.Kind)
	cd.prio = prioPlain
	if d.Validate != nil {
		cd.prio = prioValidated
	}
	return cd, nil
}
