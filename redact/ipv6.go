package redact

// matchIPv6At is called at a ':' (position i). It finds where an IPv6
// address containing that colon would start (at most four hex digits
// back, since this is the address's first colon, and not before start)
// and parses from there.
func matchIPv6At[T text](s T, i, start int) (int, int) {
	// Every address has a second colon right after this one or after
	// one to four hex digits: "10:15" and "ORD:1234 " have none.
	if k := i + 1; at(s, k) != ':' {
		for lim := min(len(s), i+5); k < lim && hexTab[s[k]]; {
			k++
		}
		if k == i+1 || at(s, k) != ':' {
			return 0, 0
		}
	}
	j := i
	for lo := max(start, i-4); j > lo && hexTab[s[j-1]]; {
		j--
	}
	if p := at(s, j-1); j > start && (notBeforeIPv6[p] || p == '/' && wordTab[at(s, j-2)]) {
		return 0, 0
	}
	if e := matchIPv6(s, j); e > 0 {
		return j, e
	}
	return 0, 0
}

// matchIPv6 parses an IPv6 address at j in any form RFC 4291 allows and
// RFC 5952 recommends: eight groups of one to four hex digits, or fewer
// around a single "::", optionally ending in a dotted IPv4 address
// (::ffff:192.0.2.1), optionally followed by a zone ("%eth0"). To tell
// addresses from C++ and Rust paths (a::b), times, slices and hashes, a
// compressed address must hold a decimal digit ("dead:beef::cafe" has
// none), must not consist only of one- or two-digit decimal groups
// ("10:30::", "1::2", "::2"; "::1" excepted), and the address must not
// run on into a word or another colon. "::" alone is never an address
// here.
func matchIPv6[T text](s T, j int) int {
	k := j
	groups := 0
	dbl := false
	digit := false
	shortDec := true // every group is one or two decimal digits, as in a time
	short := true    // every group is one or two hex digits, as in a WWPN
	v4 := false
	if at(s, k) == ':' {
		if at(s, k+1) != ':' {
			return 0
		}
		dbl = true
		k += 2
	}
	for groups < 8 {
		st := k
		var seen uint8 // the hexKind values of the group's bytes
		for lim := min(len(s), st+4); k < lim; k++ {
			h := hexKind[s[k]]
			if h == 0 {
				break
			}
			seen |= h
		}
		if seen&hexDigit != 0 {
			digit = true
		}
		if k == st {
			break // "::" at the end, or nothing after "::" at the start
		}
		if k-st > 2 || !isDigit(s[st]) || !isDigit(s[k-1]) {
			shortDec = false
		}
		if k-st > 2 {
			short = false
		}
		c := at(s, k)
		if hexTab[c] {
			return 0 // five hex digits
		}
		if c == '.' && isDigit(at(s, k+1)) {
			// An embedded IPv4 address takes the last two groups.
			e := matchIPv4(s, st)
			if e == 0 || groups > 6 {
				return 0
			}
			groups += 2
			k = e
			digit = true
			v4 = true
			break
		}
		groups++
		if c != ':' {
			break
		}
		n := at(s, k+1)
		if n == ':' {
			if dbl {
				return 0
			}
			dbl = true
			k += 2
			continue
		}
		if !hexTab[n] || groups == 8 {
			break
		}
		k++
	}
	if dbl {
		if groups > 7 || !digit {
			return 0
		}
		// "10:30::", "1::2" and "::2" are times, counters and Python
		// slices ("a[::2]") more often than addresses; "::1", the
		// loopback address, stays.
		if shortDec && !v4 && !(k == j+3 && s[j] == ':' && s[j+2] == '1') {
			return 0
		}
	} else if groups != 8 || short && !v4 && !(k-j == 15 && hasAt(s, j, "0:0:0:0:0:0:0:1")) {
		// Eight groups of at most two hex digits are a Fibre Channel
		// WWPN or an EUI-64 ("50:06:01:60:3b:20:19:be"), or counters
		// ("1:2:3:4:5:6:7:8"); an address has longer groups, but for
		// the loopback address written out.
		return 0
	}
	// Zone identifier (RFC 4007): "%" and an interface name or number.
	if at(s, k) == '%' {
		z := k + 1
		for z < len(s) && z-k <= 16 && (isAlnum(s[z]) || s[z] == '.' || s[z] == '_' || s[z] == '~' || s[z] == '-') {
			z++
		}
		for z > k+1 && s[z-1] == '.' {
			z-- // a full stop ends the sentence, not the zone
		}
		if z > k+1 && z-k <= 16 {
			k = z
		}
	}
	c, n := at(s, k), at(s, k+1)
	if wordTab[c] || c == ':' && (hexTab[n] || n == ':') || c == '.' && hexTab[n] || c == '%' || c == '@' {
		return 0
	}
	return k
}

// hexTab holds the hex digits.
var hexTab = byteTable(isHex)

// Classes of the hex digits, in hexKind.
const (
	hexLetter uint8 = 1 << iota // a-f, A-F
	hexDigit                    // 0-9
)

// hexKind holds the class of each hex digit, and 0 for the other bytes.
var hexKind = byteTable(func(c byte) uint8 {
	switch {
	case isDigit(c):
		return hexDigit
	case isHex(c):
		return hexLetter
	}
	return 0
})

// notBeforeIPv6 holds the bytes that may not stand before an IPv6
// address: word bytes (the address would be the end of a word) and
// ':', '.', '%', '-' and '@' (it would be part of something longer).
var notBeforeIPv6 = byteTable(func(c byte) bool {
	return wordTab[c] || c == ':' || c == '.' || c == '%' || c == '-' || c == '@'
})
