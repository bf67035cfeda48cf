package redact

import (
	"unicode"
	"unicode/utf8"
)

// Classes of the bytes of an e-mail local part, in localTab.
const (
	localChar uint8 = 1 << iota // a letter, digit or one of _%+-
	localDot                    // '.'
)

// localTab holds the class of each byte an e-mail local part may hold
// here, and 0 for the others: letters, digits and ._%+- (the characters
// real addresses use; quotes, '*', '=', '/' and the other rare atext
// characters are left out so that masks, key=value pairs and paths are
// not taken for addresses).
var localTab = byteTable(func(c byte) uint8 {
	switch {
	case c == '.':
		return localDot
	case isAlnum(c) || c == '_' || c == '%' || c == '+' || c == '-':
		return localChar
	}
	return 0
})

// matchEmail matches an address around the '@' at i: a local part of 1 to
// 64 bytes (letters and digits of any script, and ._%+-) that does not
// start or end with a dot nor hold two in a row, and a domain of two or more labels (letters, digits, inner hyphens, at
// most 63 bytes each, 253 in all) whose last label is a top-level domain
// of letters ("xn--" labels too) and not a file name extension
// ("logo@2x.png"). Labels may hold letters and digits of any script
// (internationalized domain names: "bücher.example", "пример.рф").
// The local part starts at from (0, or the end of the last match) at the
// earliest: a match before it will be replaced by a label, which ends the
// local part in the redacted text as well. The '@' is w bytes long: 1, or
// 3 for "%40", the '@' of a URL-encoded address in a query string
// ("?email=jane.doe%40example.com").
func matchEmail[T text](s T, i, w, from int) (int, int) {
	k := i
	lo := max(from, i-64) // the local part is at most 64 bytes long
	var seen uint8        // the localTab values of the bytes passed
	for {
		for k > lo {
			t := localTab[s[k-1]]
			if t == 0 {
				break
			}
			seen |= t
			k--
		}
		if k == from {
			break // the start of the text or the end of the last match
		}
		c := s[k-1]
		if localTab[c] != 0 {
			return 0, 0 // more than 64 bytes
		}
		if c < utf8.RuneSelf {
			break // an ASCII byte outside the local part
		}
		if r, n := lastRune(s, k); n > 1 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if k < i && s[k] < utf8.RuneSelf && !unicode.Is(unicode.Latin, r) {
				break // "連絡先はjane@": Japanese text glued to an ASCII local part
			}
			k -= n // "élodie.martin@": the address starts at the word
			if i-k > 64 {
				return 0, 0
			}
			continue
		}
		break
	}
	if w == 3 {
		// URL-encoded: the address starts after the last encoded byte
		// that no local part holds ("?next=%2Fprofile%3Femail%3Djane%40…").
		for x := i - 3; x >= k; x-- {
			if s[x] == '%' && isHex(s[x+1]) && isHex(s[x+2]) && localTab[hexByte(s[x+1])<<4|hexByte(s[x+2])] == 0 {
				k = x + 3
				break
			}
		}
	}
	for k < i && s[k] == '.' {
		k++ // "see...jane@" or a sentence's dots: the address starts after them
	}
	if k == i || s[i-1] == '.' {
		return 0, 0 // empty or ends in a dot
	}
	if seen&localDot != 0 {
		for x := k; x < i-1; x++ {
			if s[x] == '.' && s[x+1] == '.' {
				return 0, 0 // two dots in a row
			}
		}
	}
	// Domain labels.
	j := i + w
	labels := 0
	lastStart, lastEnd, prevStart, prevEnd := 0, 0, 0, 0
	for {
		st := j
		for end := min(len(s), st+64); ; {
			for j < end && domainTab[s[j]] != 0 {
				j++ // the common case: an ASCII letter, digit or '-'
			}
			if j < end && s[j] >= utf8.RuneSelf {
				if n := domainRune(s, j); n > 0 {
					j += n
					continue
				}
			}
			break
		}
		if j == st || j-st > 63 || s[st] == '-' || s[j-1] == '-' {
			j = st
			break
		}
		labels++
		prevStart, prevEnd = lastStart, lastEnd
		lastStart, lastEnd = st, j
		if j-(i+w) > 253 {
			return 0, 0
		}
		if n := at(s, j+1); at(s, j) == '.' && (domainTab[n] != 0 && n != '-' || n >= utf8.RuneSelf && domainRune(s, j+1) > 0) {
			j++
			continue
		}
		break
	}
	if labels < 2 {
		return 0, 0
	}
	end := lastEnd
	if c := scriptChange(s, lastStart, lastEnd); c > 0 && tldOK(s, lastStart, c) {
		// "jane.doe@example.comです": Japanese and Chinese text has no
		// spaces; the domain ends where its ASCII TLD does.
		end = c
	} else if !tldOK(s, lastStart, lastEnd) {
		// "jane@example.com.123": drop a bad last label once.
		if labels < 3 || !tldOK(s, prevStart, prevEnd) {
			return 0, 0
		}
		end = prevEnd
		if isDigit(at(s, end+1)) {
			return 0, 0
		}
	}
	u := end
	for at(s, u) == '_' {
		u++
	}
	if c := at(s, end); wordTab[c] && !(u > end && !wordTab[at(s, u)]) || c == '-' || c == '@' {
		// A domain holds no '_', so underscores that end a word close
		// markup around the address ("_jane@example.com_", "__…__").
		return 0, 0
	}
	return k, end
}

// hexByte returns the value of the hex digit c.
func hexByte(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// scriptChange returns where the label s[a:b] goes from ASCII letters to a
// character of a script other than Latin ("comです"), or 0.
func scriptChange[T text](s T, a, b int) int {
	k := a
	for k < b && asciiLetter[s[k]] {
		k++
	}
	if k == a || k == b || s[k] < utf8.RuneSelf {
		return 0
	}
	r, _ := firstRune(s, k)
	if r == utf8.RuneError || unicode.Is(unicode.Latin, r) || unicode.In(r, unicode.Mn, unicode.Mc) {
		return 0
	}
	return k
}

// firstRune decodes the UTF-8 character that starts at k.
func firstRune[T text](s T, k int) (rune, int) {
	var b [utf8.UTFMax]byte
	return utf8.DecodeRune(b[:copy(b[:], s[k:min(len(s), k+utf8.UTFMax)])])
}

// lastRune decodes the UTF-8 character that ends at k.
func lastRune[T text](s T, k int) (rune, int) {
	var b [utf8.UTFMax]byte
	n := copy(b[:], s[max(0, k-utf8.UTFMax):k])
	return utf8.DecodeLastRune(b[:n])
}

// domainChar returns the length of the domain name character at j: an
// ASCII letter, digit or '-', or a letter, digit or combining mark of any
// script (internationalized domain names, RFC 5890: "bücher.example",
// "例え.jp"); 0 for anything else. ASCII bytes are looked up in
// domainTab; only bytes >= 0x80 are decoded.
func domainChar[T text](s T, j int) int {
	if uint(j) >= uint(len(s)) {
		return 0
	}
	if c := s[j]; c < utf8.RuneSelf {
		return int(domainTab[c])
	}
	return domainRune(s, j)
}

// domainTab is 1 for the ASCII bytes of a domain label: letters, digits
// and '-'; 0 for every other byte, those >= 0x80 too.
var domainTab = byteTable(func(c byte) uint8 {
	if isAlnum(c) || c == '-' {
		return 1
	}
	return 0
})

// domainRune returns the length of the non-ASCII character at j if it is
// a letter, a digit or a combining mark, and 0 otherwise (see domainChar).
func domainRune[T text](s T, j int) int {
	r, n := firstRune(s, j)
	if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)) {
		return n
	}
	return 0
}

// fileExtensions end file names such as "logo@2x.png" and systemd unit
// names such as "user@1000.service" and "getty@tty1.service", which
// journald logs are full of, and are no top-level domains (IANA root zone
// database; "target" is a brand's that no one mails to). Extensions that
// are also country codes (".md", ".py", ".sh", ".so") or generic TLDs
// (".zip", ".mov", ".app", ".key") are left out: those are addresses.
var fileExtensions = newWordSet(
	"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "avif", "heic", "heif",
	"pdf", "css", "scss", "sass", "js", "mjs", "html", "htm", "txt", "json", "xml", "csv", "yaml", "yml", "toml", "ini", "conf", "cfg",
	"log", "xls", "xlsx", "doc", "docx", "ppt", "pptx", "odt", "ods", "tgz", "bz2", "xz", "tar", "gz", "rar",
	"sql", "bak", "tmp", "dmp", "db", "jar", "war", "exe", "dll", "msi", "apk", "rpm", "whl", "crt", "cer", "pfx",
	"service", "socket", "timer", "scope", "slice", "mount", "automount", "swap", "target", "path", "device",
)

// tldOK reports whether s[a:b] can be a top-level domain: two or more
// ASCII letters, an "xn--" label, or two or more letters of one or more
// other scripts (".рф", ".中国").
func tldOK[T text](s T, a, b int) bool {
	if b-a < 2 {
		return false
	}
	if s[a] >= utf8.RuneSelf {
		// Neither "xn--" nor a file name extension starts so.
		runes := 0
		for k := a; k < b; {
			n := domainChar(s, k)
			if s[k] < utf8.RuneSelf || n == 0 {
				return false
			}
			k += n
			runes++
		}
		return runes >= 2
	}
	if b-a > 4 && foldEq(s, a, "xn--") {
		return true
	}
	for k := a; k < b; k++ {
		if !asciiLetter[s[k]] {
			return false
		}
	}
	return !wordIn(s, a, b, &fileExtensions)
}

// asciiLetter holds the ASCII letters.
var asciiLetter = byteTable(func(c byte) bool { return isUpper(c) || isLower(c) })
