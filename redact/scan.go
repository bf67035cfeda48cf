package redact

import (
	"math/bits"
	"unicode/utf8"
)

// This file holds the scanner: one pass over the text that looks only at
// bytes which can begin or anchor a value (digits, capitals, '@', ':', '=',
// '+', '(', '-', 'b' and the first bytes of custom detectors) and hands
// those positions to the hand-written matchers in the other files. Every
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
	cJWT                       // e: a JWT ("eyJ") at the start of a word
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

var wordTab = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	return t
}()

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
	if i < 0 || i >= len(s) {
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
		if b == 'e' && on(kSecret) {
			f |= cJWT
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
	// skipPlain knows the triggers among lower-case letters and the space:
	// 'b' and 'e' at the start of a word. Other triggers there (a custom
	// detector's Start) turn it off.
	r.swar = true
	for _, c := range []byte(" abcdefghijklmnopqrstuvwxyz") {
		if r.cls[c]&cTrigger != 0 && c != 'b' && c != 'e' {
			r.swar = false
		}
	}
}

// SWAR constants: every byte 0x01, and every byte's high bit.
const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
	low7 = 0x7f7f7f7f7f7f7f7f
)

// load8 returns s[i:i+8] as a little-endian word.
func load8[T text](s T, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// eqMask returns the high bit of every byte of x equal to b (exact: no
// carry crosses bytes).
func eqMask(x uint64, b byte) uint64 {
	t := x ^ (ones * uint64(b))
	return ^((t&low7 + low7) | t) & high
}

// skipPlainRun returns the index of the first byte at or after i, where
// s[i-1] is a space, that is not a lower-case ASCII letter or a space, or
// that is a 'b' starting a word (or perhaps another byte after that 'b'); it looks at eight bytes at a time
// and stops early near the end of s. The scan stops at every such byte,
// so skipping the others changes nothing but the time.
func skipPlainRun[T text](s T, i int) int {
	prevWord := false
	for len(s)-i >= 8 {
		x := load8(s, i)
		// Bytes 0x61-0x7a: at least 'a' and not above 'z'. A non-ASCII
		// byte can carry into the bytes above it, but it is itself
		// flagged, and only the lowest flagged byte is used.
		lowerM := (x + ones*(0x80-'a')) &^ (x + ones*(0x80-'z'-1)) & high
		space := eqMask(x, ' ')
		starts := space << 8
		if !prevWord {
			starts |= 0x80
		}
		stop := (^(lowerM | space) | x) & high
		// 'b' bytes, and perhaps some bytes above one: a false stop only
		// costs time. (The 'J' of a JWT's "eyJ" is a capital: a stop.)
		tb := x ^ (ones * 'b')
		stop |= (tb - ones) &^ tb & starts
		if stop != 0 {
			return i + bits.TrailingZeros64(stop)>>3
		}
		i += 8
		prevWord = x>>56 != ' '
	}
	return i
}

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
func push(out []cand, c cand) []cand {
	k := len(out)
	for k > 0 && out[k-1].end > c.start {
		k--
	}
	for j := k; j < len(out); j++ {
		if !better(c, out[j]) {
			return out
		}
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

// scan appends the matches in s to out.
//
// The loop stops only at trigger bytes that begin a word or are not word
// bytes themselves; the rest of a word is skipped in a tight loop, because
// no value starts inside a word.
func scan[T text](r *Redactor, s T, out []cand) []cand {
	n := len(s)
	cls := &r.cls
	st := scanState{pem: pemState{next: -2}}
	i := 0
	swar := r.swar
	for i < n {
		c := s[i]
		f := cls[c]
		if f&cTrigger == 0 {
			i++
			if f != 0 {
				for i < n && wordTab[s[i]] {
					i++
				}
			} else if c == ' ' && swar {
				i = skipPlainRun(s, i)
			}
			continue
		}
		w := f&cWord != 0
		if w && i > 0 && wordTab[s[i-1]] {
			// Inside a word: only a JWT ("eyJ") starts here, when
			// skipPlainRun stopped at its 'J'.
			if c == 'J' && i >= 2 && s[i-1] == 'y' && s[i-2] == 'e' && !wordTab[at(s, i-3)] && r.enabled[kSecret] {
				if e := matchJWT(s, i-2); e > 0 {
					out = push(out, cand{i - 2, e, kSecret, builtinPrio[kSecret]})
					i = e
					continue
				}
			}
			for i++; i < n && wordTab[s[i]]; i++ {
			}
			continue
		}
		var best cand
		switch f &^ cWord {
		case cJWT: // the most common case: a word starting with 'e'
			best = none
			if at(s, i+1) == 'y' && at(s, i+2) == 'J' {
				if e := matchJWT(s, i); e > 0 {
					best = cand{i, e, kSecret, builtinPrio[kSecret]}
				}
			}
		case cDigit:
			best = none
			if p := at(s, i-1); !(p == '.' || p == ':' && isDigit(at(s, i-2))) || !wordTab[at(s, i-2)] {
				// Not the inner part of "2.3.1", "120.0.6099" or
				// "10:30", which numeric would reject.
				best = numeric(r, s, i)
			}
		case cUpper:
			best = none
			if c == 'A' || c == 'B' || isUpper(at(s, i+1)) {
				// An AWS key ID, "Bearer"/"Basic" or an IBAN; not
				// "Hello" or "Chrome".
				best = upperWord(r, s, i)
			}
		default:
			best = anchorAt(r, s, i, f, &st)
		}
		if best.kind >= 0 {
			out = push(out, best)
			if best.end > i {
				i = best.end
				continue
			}
		}
		if w {
			for i++; i < n && wordTab[s[i]]; i++ {
			}
			continue
		}
		i++
	}
	return out
}

// scanState is what matchers remember between positions of one scan so
// that inputs such as many BEGIN lines without an END, or many
// "password=" without a delimiter, cost linear time with a small constant.
type scanState struct {
	pem pemState
	kv  kvMemo
}

// anchorAt tries every kind whose trigger class is in f at s[i].
func anchorAt[T text](r *Redactor, s T, i int, f uint16, st *scanState) cand {
	best := none
	if f&cJWT != 0 && at(s, i+1) == 'y' && at(s, i+2) == 'J' {
		if e := matchJWT(s, i); e > 0 {
			best = cand{i, e, kSecret, builtinPrio[kSecret]}
		}
	}
	if f&cDigit != 0 {
		pick(&best, numeric(r, s, i))
	}
	if f&cUpper != 0 {
		pick(&best, upperWord(r, s, i))
	}
	if f&cLowerB != 0 {
		if e := matchAuthScheme(s, i); e.end > 0 {
			pick(&best, cand{e.start, e.end, kSecret, builtinPrio[kSecret]})
		}
	}
	if f&cPlus != 0 {
		pick(&best, phoneAt(s, i))
	}
	if f&cAt != 0 {
		if st, e := matchEmail(s, i); e > 0 {
			pick(&best, cand{st, e, kEmail, builtinPrio[kEmail]})
		}
	}
	if f&cSep != 0 {
		pick(&best, sepAt(r, s, i, &st.kv))
	}
	if f&cDash != 0 && at(s, i+1) == '-' {
		if e := pemMatch(&st.pem, s, i); e > 0 {
			pick(&best, cand{i, e, kSecret, builtinPrio[kSecret]})
		}
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
