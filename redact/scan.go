package redact

import (
	"encoding/binary"
	"unicode/utf8"
	"unsafe"
)

// This file holds the scanner: one pass over the text that looks only at
// bytes which can begin or anchor a value (a digit that begins a word; in
// a word that begins with two capitals and a digit, that digit; the second
// byte of a word that begins with an AWS key ID prefix's "AK", "AS", ...
// or with "be" or "ba"; '@', ':', '=', '+', '(', the second '-' of "--",
// the 'J' of "eyJ" and the first bytes of custom detectors) and hands
// those positions to the hand-written matchers in the other files. A
// table on byte pairs (Redactor.stop) passes every other byte with one
// look-up. Every
// matcher looks at a bounded window around its position and the scanner
// moves past every match it accepts, so the whole scan is linear in the
// input. Matchers never look across a line feed, except for private key
// blocks; the streaming [Writer] relies on that.

// Specificity of a kind when two candidates overlap.
const (
	prioPlain     int8 = 1
	prioPhone     int8 = 2
	prioStruct    int8 = 3
	prioValidated int8 = 4
	prioChecksum  int8 = 5
)

// Indexes of the built-in kinds in builtinKinds.
const (
	kEmail = iota
	kPhone
	kCard
	kIBAN
	kIPv4
	kIPv6
	kSSN
	kSecret
)

var builtinPrio = [numBuiltin]int8{
	kEmail:  prioValidated,
	kPhone:  prioPhone,
	kCard:   prioChecksum,
	kIBAN:   prioChecksum,
	kIPv4:   prioStruct,
	kIPv6:   prioStruct,
	kSSN:    prioValidated,
	kSecret: prioValidated,
}

// Trigger classes of a byte.
const (
	cDigit  uint16 = 1 << iota // 0-9: numbers of every kind
	cUpper                     // A-Z: IBAN, AWS key IDs, "Bearer", JWT ("eyJ")
	cLowerB                    // b: "bearer", "basic"
	cPlus                      // + and (: phone numbers
	cAt                        // @: e-mail addresses
	cSep                       // : and =: IPv6, key=value secrets, URL credentials
	cDash                      // -: private key blocks
	cCustom                    // first byte of a custom detector
	cWord                      // a word byte (wordTab); not a trigger by itself

	cTrigger = cWord - 1 // every trigger class
)

type text interface{ ~string | ~[]byte }

// cand is a candidate match. kind indexes builtinKinds, or numBuiltin+i
// for the custom detector i.
type cand struct {
	start, end int
	kind       int
	prio       int8
}

// byteTable returns the table of f over every byte: the look-up tables of
// the scanner and the matchers are built with it.
func byteTable[T any](f func(c byte) T) (t [256]T) {
	for c := range t {
		t[c] = f(byte(c))
	}
	return t
}

// wordTab holds the word bytes: ASCII letters, digits and '_'.
var wordTab = byteTable(func(c byte) bool { return isAlnum(c) || c == '_' })

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isAlnum(c byte) bool { return isDigit(c) || isUpper(c) || isLower(c) }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func lower(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// at returns s[i], or 0 outside s. 0 is not a word byte, so edges of the
// text behave like a space.
func at[T text](s T, i int) byte {
	if uint(i) >= uint(len(s)) { // i < 0 too
		return 0
	}
	return s[i]
}

func (r *Redactor) buildClasses() {
	on := func(k int) bool { return r.enabled[k] }
	for c := 0; c < 256; c++ {
		b := byte(c)
		var f uint16
		if wordTab[b] {
			f |= cWord
		}
		if isDigit(b) && (on(kPhone) || on(kCard) || on(kIPv4) || on(kSSN)) {
			f |= cDigit
		}
		if isUpper(b) && (on(kIBAN) || on(kSecret)) {
			f |= cUpper
		}
		if b == 'b' && on(kSecret) {
			f |= cLowerB
		}
		if (b == '+' || b == '(') && on(kPhone) {
			f |= cPlus
		}
		if b == '@' && on(kEmail) {
			f |= cAt
		}
		if (b == ':' && (on(kIPv6) || on(kSecret))) || (b == '=' && on(kSecret)) {
			f |= cSep
		}
		if b == '-' && on(kSecret) {
			f |= cDash
		}
		for i := range r.custom {
			if r.custom[i].first[b] {
				f |= cCustom
			}
		}
		r.cls[c] = f
	}
	// The stop table: the scanner looks at c after p only if c is a
	// trigger that is no word byte, or one that begins a word, or the
	// 'J' of a JWT's "eyJ" (checked in full by the scanner).
	// The entry of (p, c) is stop[c<<8|p]: the two bytes read as one
	// little-endian 16-bit word, tested by the inner loop with one load
	// (the table has 64 KiB, of which ASCII text touches a quarter). The
	// row of c holds the bytes p after which c stops the scanner.
	var notWord [256]bool // the bytes p that are no word bytes
	for p := range notWord {
		notWord[p] = !wordTab[p]
	}
	// Values that begin with a capital or a 'b' are found from a pair
	// of bytes in them, and the scanner looks back from there: an IBAN
	// from its first check digit after two capitals ("DE8"), an AWS key
	// ID from the second letter of its prefix ("AK"), Bearer and Basic
	// credentials from their 'e' or 'a' ("Be", "ba"). "Hello", "build",
	// "INC" and labels such as "[EMAIL]" cost nothing.
	var awsSecond [256]bool
	for _, p := range awsPrefixes {
		awsSecond[p[1]] = true
	}
	// A dash that anchors nothing but key blocks stops the scanner only
	// after a dash: "--" may begin a key block's "-----BEGIN",
	// "ORD-2024-000123" costs nothing; and after the 't' and 'k' of the
	// vendor prefixes "glpat-" and "sk-" (vendorTokens, like the other pairs
	// of vendor prefixes below). (A custom detector that starts
	// with '-' makes it stop at every dash, and anchorAt looks for key
	// blocks there.)
	dashPair := r.cls['-'] == cDash
	for c := range 256 {
		row := (*[256]bool)(r.stop[c<<8 : (c+1)<<8])
		switch f := r.cls[c] &^ (cUpper | cLowerB); {
		case f&cTrigger == 0:
		case c == '-' && dashPair:
			row['-'] = true
		case f&cWord == 0:
			for p := range row {
				row[p] = true
			}
		default:
			*row = notWord
		}
		if isDigit(byte(c)) && r.enabled[kIBAN] {
			for p := 'A'; p <= 'Z'; p++ {
				row[p] = true
			}
		}
		if awsSecond[c] && r.enabled[kSecret] {
			row['A'] = true
		}
		if (c == 'e' || c == 'E' || c == 'a' || c == 'A') && r.enabled[kSecret] {
			row['b'], row['B'] = true, true
		}
		if c == 'J' && r.enabled[kSecret] {
			row['y'] = true
		}
		if escapeTab[c] {
			row['\\'] = true
		}
		if c == 'u' && r.enabled[kSecret] {
			row['-'] = true // curl's "-u" and "--user"
		}
	}
	if r.enabled[kSecret] {
		for _, v := range vendorTokens {
			r.stop[int(v.prefix[v.stop])<<8|int(v.prefix[v.stop-1])] = true
		}
	}
}

// escapeTab holds the letters of the escape sequences after which a
// value may begin: "\n", "\t", "\r" and "\u" (with four hex digits).
var escapeTab = byteTable(func(c byte) bool { return c == 'n' || c == 't' || c == 'r' || c == 'u' })

// better reports whether candidate a wins over an overlapping b.
func better(a, b cand) bool {
	if a.prio != b.prio {
		return a.prio > b.prio
	}
	if la, lb := a.end-a.start, b.end-b.start; la != lb {
		return la > lb
	}
	return a.start < b.start
}

// push adds c to the sorted, non-overlapping list out. Every candidate
// already in out starts before c ends (they were found at earlier scan
// positions, and c ends at or after the current one); candidates that
// start before the scan position (e-mail addresses, IPv6 addresses,
// key=value secrets) do so by a bounded amount, so the walk back is short.
//
// When out is full, push makes room for at least room candidates, so that
// a long text, which starts with a buffer of 16 on the caller's stack and
// allocates nothing until it holds more matches, does not grow its list a
// dozen times.
func push(out []cand, c cand, room int) []cand {
	k := len(out)
	for k > 0 && out[k-1].end > c.start {
		k--
	}
	for j := k; j < len(out); j++ {
		if !better(c, out[j]) {
			return out
		}
	}
	if k == cap(out) {
		// Double, where append would grow a long list by a quarter.
		out = append(make([]cand, 0, max(2*cap(out)+16, room)), out...)
	}
	return append(out[:k], c)
}

// pick keeps the better of *best and c.
func pick(best *cand, c cand) {
	if c.end > c.start && (best.kind < 0 || better(c, *best)) {
		*best = c
	}
}

var none = cand{kind: -1}

// scan appends the matches in s to out. If pem is not nil, it is set when
// s holds the BEGIN line of a private key block, the one kind of value
// that spans lines.
//
// The inner loop stops only where r.stop says so: at trigger bytes that
// begin a word or are not word bytes themselves (no value starts inside a
// word), and at the 'J' of "yJ". It costs one table look-up per byte, on
// the byte and the one before it (see nextStop). Every caller passes a
// string, a []byte through bytesView, so that the matchers have one
// instantiation.
func scan(r *Redactor, s string, out []cand, pem *bool) []cand {
	n := len(s)
	stop := &r.stop
	// The bytes of s, for nextStop, which only reads them.
	bs := unsafe.Slice(unsafe.StringData(s), n)
	st := scanState{pem: pemState{next: -2}}
	i := 0
	if n > 0 && !stop[int(s[0])<<8] { // the byte before the text counts as 0
		i = 1
	}
	forced := false // look at i as if it began a word, after an escape
	for {
		if i > 0 && !forced {
			i = nextStop(stop, bs, i)
		}
		forced = false
		if i >= n {
			break
		}
		c := s[i]
		f := r.cls[c]
		var best cand
		switch {
		case i > 0 && s[i-1] == '\\' && escapeTab[c]:
			// "\n", "\t", "\r" or "\uXXXX" in a JSON or C string: the
			// text after it is judged as if it began there.
			e := i + 1
			if c == 'u' {
				if !(hexTab[at(s, i+1)] && hexTab[at(s, i+2)] && hexTab[at(s, i+3)] && hexTab[at(s, i+4)]) {
					i++
					continue
				}
				e = i + 5
			}
			st.from, st.esc, i = e, e, e
			if i < n && stop[int(s[i])<<8] {
				forced = true
			} else {
				i++
			}
			continue
		case c == 'u' && i > 0 && s[i-1] == '-' && r.enabled[kSecret]:
			// "-u user:password", "--user user:password" (curl).
			best = none
			if a, e := matchUserFlag(s, i); e > 0 {
				best = cand{a, e, kSecret, prioChecksum}
			} else if f&cTrigger != 0 {
				best = anchorAt(r, s, i, f, &st) // a custom detector's 'u'
			}
		case f&cWord != 0 && i > 0 && wordTab[s[i-1]] && i != st.esc:
			// A pair of bytes in a word that may be an IBAN, an AWS key
			// ID or a Bearer or Basic credential (see buildClasses), or
			// the 'J' of a JWT's "eyJ", or the text after a match that
			// ended in a word.
			best = none
			v, o := view(s, &st)
			if p := s[i-1]; isDigit(c) {
				if j := i - 2 - o; j >= 0 && isUpper(p) && isUpper(at(v, j)) && !wordTab[at(v, j-1)] {
					best = upperWord(r, v, j).shift(o) // "DE89 ..."
				}
			} else if j := i - 1 - o; j >= 0 && !wordTab[at(v, j-1)] && (isUpper(p) || p == 'b') {
				best = pairAt(r, v, j).shift(o) // "AKIA...", "Bearer ..."
			}
			if j := i - 2 - o; c == 'J' && j >= 0 && v[j+1] == 'y' && v[j] == 'e' && !wordTab[at(v, j-1)] {
				if e := matchJWT(v, j); e > 0 {
					best = cand{i - 2, e + o, kSecret, builtinPrio[kSecret]}
				}
			}
			if best.kind < 0 && r.enabled[kSecret] {
				best = vendorCand(s, i, &st) // "ghp_…", "sk_live_…"
			}
		case f&^cWord == cDigit:
			best = none
			if c == '4' && at(s, i+1) == '0' && at(s, i-1) == '%' && r.enabled[kEmail] {
				// "jane.doe%40example.com": an address URL-encoded in
				// a query string.
				if a, e := matchEmail(s, i-1, 3, st.from); e > 0 {
					best = cand{a, e, kEmail, builtinPrio[kEmail]}
					break
				}
			}
			v, o := view(s, &st)
			if p := at(v, i-o-1); !(p == '.' && wordTab[at(v, i-o-2)] || p == ':' && timeBefore(v, i-o-1)) {
				// Not the inner part of "2.3.1", "120.0.6099" or
				// "10:30", which numeric would reject.
				best = numeric(r, v, i-o).shift(o)
			}
		case f == cDash:
			// The second byte of "--", or the dash of "glpat-" or "sk-":
			// a dash with no other class stops the scanner only there
			// (see buildClasses).
			best = none
			if i-1 >= st.from {
				if e := pemMatch(&st.pem, s, i-1); e > 0 {
					best = cand{i - 1, e, kSecret, builtinPrio[kSecret]}
				} else {
					best = vendorCand(s, i, &st) // "glpat-…", "sk-…"
				}
			}
		default:
			best = anchorAt(r, s, i, f, &st)
		}
		if best.kind >= 0 {
			// Room for a value every 512 bytes of the text: ordinary
			// helpdesk text holds one every 1 or 2 KiB, densely filled
			// text one every 70 bytes or so.
			out = push(out, best, n/512)
			// A custom match can hold values that are found from a later
			// anchor (the '@' of an address, the ':' of an IPv6 address)
			// and outrank it, so the scan goes on inside it and push
			// decides; the text before it stays in view for them.
			if best.end > i && best.kind < numBuiltin {
				i = best.end
				st.from = i
				continue
			}
		}
		i++
	}
	if pem != nil {
		*pem = st.pem.next != -2
	}
	return out
}

// nextStop returns the first position at or after i (i > 0) where stop
// says the scanner looks at b, or len(b). It tests eight pairs a round on
// a window of nine bytes, bounds-checked once, each pair read as one
// little-endian 16-bit word, the index of the stop table: about half the
// instructions of a loop that tests one pair a round, and one taken
// branch in eight.
func nextStop(stop *[1 << 16]bool, b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		w := (*[9]byte)(b[i-1 : i+8])
		switch {
		case stop[binary.LittleEndian.Uint16(w[0:])]:
			return i
		case stop[binary.LittleEndian.Uint16(w[1:])]:
			return i + 1
		case stop[binary.LittleEndian.Uint16(w[2:])]:
			return i + 2
		case stop[binary.LittleEndian.Uint16(w[3:])]:
			return i + 3
		case stop[binary.LittleEndian.Uint16(w[4:])]:
			return i + 4
		case stop[binary.LittleEndian.Uint16(w[5:])]:
			return i + 5
		case stop[binary.LittleEndian.Uint16(w[6:])]:
			return i + 6
		case stop[binary.LittleEndian.Uint16(w[7:])]:
			return i + 7
		}
	}
	for ; i < len(b); i++ {
		if stop[binary.LittleEndian.Uint16(b[i-1:])] {
			break
		}
	}
	return i
}

// pairAt tries the kinds that start with a capital or a 'b' at j, which
// begins a word.
func pairAt[T text](r *Redactor, s T, j int) cand {
	if isUpper(s[j]) {
		return upperWord(r, s, j)
	}
	if r.enabled[kSecret] {
		if c := matchAuthScheme(s, j); c.end > 0 {
			return cand{c.start, c.end, kSecret, builtinPrio[kSecret]}
		}
	}
	return none
}

// scanState is what matchers remember between positions of one scan so
// that inputs such as many BEGIN lines without an END, or many
// "password=" without a delimiter, cost linear time with a small constant.
type scanState struct {
	pem pemState
	kv  kvMemo
	// from is where the scan resumed after the last match (0 before
	// the first). The redacted text has a label there, so the matchers
	// that look back from where they start (numbers, phone numbers,
	// IBANs, AWS key IDs, JWTs, Bearer credentials, e-mail addresses)
	// look at the text from there on only (see view): a value that
	// starts at from is judged as if the text began there.
	// "+1555…+1555…" is two numbers, and so are "875-61-0203 875-61-0203"
	// and "192.0.2.49-192.0.2.49", in the text as in its redaction
	// "[PHONE]+1555…", which settle would otherwise redact one value a
	// pass.
	from int
	// esc is where the text after the last escape sequence of a JSON
	// or C string ("\n", "\t", "\r", "\u00e9") starts, or 0: such text is
	// judged as if it began there, like the text after a match ("a\n4242
	// 4242 4242 4242"), by the matchers that look back from a separator
	// too (keys of key=value pairs, IPv6 addresses, URL schemes).
	esc int
}

// view returns the text from st.from on and that offset.
func view[T text](s T, st *scanState) (T, int) { return s[st.from:], st.from }

// shift moves a candidate found in a view at offset o back to the text.
func (c cand) shift(o int) cand {
	if c.kind >= 0 {
		c.start += o
		c.end += o
	}
	return c
}

// anchorAt tries every kind whose trigger class is in f at s[i].
func anchorAt[T text](r *Redactor, s T, i int, f uint16, st *scanState) cand {
	best := none
	if f&cCustom != 0 && s[i] == 'e' && r.enabled[kSecret] && at(s, i+1) == 'y' && at(s, i+2) == 'J' {
		// A custom detector starts at this 'e' (nothing else stops the
		// scanner at a letter that begins a word).
		if e := matchJWT(s, i); e > 0 {
			best = cand{i, e, kSecret, builtinPrio[kSecret]}
		}
	}
	v, o := view(s, st)
	if f&cDigit != 0 {
		pick(&best, numeric(r, v, i-o).shift(o))
	}
	if f&cUpper != 0 {
		pick(&best, upperWord(r, v, i-o).shift(o))
	}
	if f&cLowerB != 0 {
		if e := matchAuthScheme(v, i-o); e.end > 0 {
			pick(&best, cand{e.start + o, e.end + o, kSecret, builtinPrio[kSecret]})
		}
	}
	if f&cPlus != 0 {
		pick(&best, phoneAt(v, i-o).shift(o))
	}
	if f&cAt != 0 {
		if a, e := matchEmail(s, i, 1, st.from); e > 0 {
			pick(&best, cand{a, e, kEmail, builtinPrio[kEmail]})
		}
	}
	if f&cSep != 0 {
		pick(&best, sepAt(r, s, i, &st.kv, st.esc))
	}
	if f&cDash != 0 && at(s, i+1) == '-' {
		if e := pemMatch(&st.pem, s, i); e > 0 {
			pick(&best, cand{i, e, kSecret, builtinPrio[kSecret]})
		}
	}
	if f&cDash != 0 && r.enabled[kSecret] {
		pick(&best, vendorCand(s, i, st))
	}
	if f&cCustom != 0 {
		pick(&best, customAt(r, s, i))
	}
	return best
}

// customAt runs the custom detectors whose Start holds s[i] and returns
// the best of their matches.
func customAt[T text](r *Redactor, s T, i int) cand {
	best := none
	for k := range r.custom {
		d := &r.custom[k]
		if !d.first[s[i]] {
			continue
		}
		e := min(len(s), i+d.MaxLen)
		for j := i; j < e; j++ {
			if s[j] == '\n' {
				e = j
				break
			}
		}
		win := string(s[i:e])
		m := d.Match(win)
		if m <= 0 || m > len(win) || !utf8.RuneStart(at(s, i+m)) && i+m < len(s) {
			continue
		}
		if d.Validate != nil && !d.Validate(win[:m]) {
			continue
		}
		pick(&best, cand{i, i + m, numBuiltin + k, d.prio})
	}
	return best
}
