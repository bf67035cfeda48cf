package redact

import (
	"slices"
	"unicode/utf8"
)

// Secrets: bearer and basic credentials, JWTs, key=value pairs whose key
// names a credential, cookie headers, AWS access key IDs, vendor tokens
// (vendor.go), credentials in URLs and private key blocks.

// MaxSecretLen bounds the length of a token or key=value secret; a private
// key block may be up to MaxPEMLen bytes. Longer values are not detected,
// nor are the values of keys inside a longer key=value value
// ("password=password=..." of more than MaxSecretLen bytes).
const (
	MaxSecretLen = 2048
	MaxPEMLen    = 8192
)

// upperWord tries the kinds that start with a capital at i, which begins a
// word: IBANs, AWS access key IDs and "Bearer"/"Basic" credentials. The
// byte at i+2 tells them apart (a digit in an IBAN, a letter in the
// others, whose first bytes differ), so the first match is the only one.
func upperWord[T text](r *Redactor, s T, i int) cand {
	if isUpper(at(s, i+1)) && isDigit(at(s, i+2)) {
		if r.enabled[kIBAN] {
			if e := matchIBAN(s, i); e > 0 {
				return cand{i, e, kIBAN, builtinPrio[kIBAN]}
			}
		}
		return none
	}
	if !r.enabled[kSecret] {
		return none
	}
	switch s[i] {
	case 'A':
		if e := matchAWSKeyID(s, i); e > 0 {
			return cand{i, e, kSecret, builtinPrio[kSecret]}
		}
	case 'B':
		if c := matchAuthScheme(s, i); c.end > 0 {
			return cand{c.start, c.end, kSecret, builtinPrio[kSecret]}
		}
	}
	return none
}

// awsPrefixes are the prefixes of the AWS access key IDs that
// matchAWSKeyID accepts, which name the kind of key (AKIA a user's
// long-term key, ASIA a temporary one); the scanner stops at their second
// letter.
var awsPrefixes = [...]string{"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA"}

// matchAWSKeyID matches an AWS access key ID: a four-letter prefix naming
// the kind of key (awsPrefixes: AKIA for a user's long-term key, ASIA for
// a temporary one, ...) and 16 capitals or digits.
func matchAWSKeyID[T text](s T, i int) int {
	if i+20 > len(s) || !slices.Contains(awsPrefixes[:], string(s[i:i+4])) {
		return 0
	}
	for k := i + 4; k < i+20; k++ {
		if !isUpper(s[k]) && !isDigit(s[k]) {
			return 0
		}
	}
	if wordTab[at(s, i+20)] {
		return 0
	}
	return i + 20
}

// Classes of the bytes of a bearer token, in tokenTab.
const (
	tDigit  uint8 = 1 << iota // 0-9
	tUpper                    // A-Z
	tLower                    // a-z
	tSymbol                   // - . _ ~ + /
)

// tokenTab holds the class of each byte of an RFC 6750 bearer token
// (b64token), and 0 for the other bytes.
var tokenTab = byteTable(func(c byte) uint8 {
	switch {
	case isDigit(c):
		return tDigit
	case isUpper(c):
		return tUpper
	case isLower(c):
		return tLower
	case c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/':
		return tSymbol
	}
	return 0
})

// matchAuthScheme matches the credentials after "Bearer " or "Basic "
// (any case) at i: 8 or more token characters holding a digit or a
// symbol, or for Basic a base64 string of mixed case. The scheme word is
// kept; only the credentials are the match.
func matchAuthScheme[T text](s T, i int) cand {
	var basic bool
	j := i
	switch at(s, i+1) | 0x20 { // the second byte in lower case, or another byte
	case 'e':
		if !foldEq(s, i, "bearer") {
			return none
		}
		j += 6
	case 'a':
		if !foldEq(s, i, "basic") {
			return none
		}
		j += 5
		basic = true
	default:
		return none
	}
	sp := j
	for j < len(s) && s[j] == ' ' && j-sp < 3 {
		j++
	}
	if j == sp {
		return none
	}
	st := j
	var seen uint8 // the classes of the token's bytes
	for lim := min(len(s), st+MaxSecretLen); j < lim; j++ {
		t := tokenTab[s[j]]
		if t == 0 {
			break
		}
		seen |= t
	}
	for j < len(s) && s[j] == '=' && j-st < MaxSecretLen {
		j++
		seen |= tSymbol
	}
	if j-st < 8 || tokenTab[at(s, j)] != 0 || wordTab[at(s, j)] {
		return none
	}
	digit, symbol := seen&tDigit != 0, seen&tSymbol != 0
	if basic {
		if (j-st)%4 != 0 || !(digit || seen&(tUpper|tLower) == tUpper|tLower || symbol) {
			return none
		}
	} else if !digit && !symbol {
		return none
	}
	return cand{start: st, end: j}
}

// matchJWT matches a JSON Web Token at i, which starts "eyJ" (a base64url
// '{"'): a header and a payload of 10 or more base64url characters and a
// signature that may be empty, separated by dots (a JWE's five parts too;
// a longer chain ends after its fifth part, so that the rest is judged
// alone, as it is once the first five are replaced).
func matchJWT[T text](s T, i int) int {
	j := i
	parts := 0
	lim := min(len(s), i+MaxSecretLen)
	for parts < 5 {
		st := j
		for j < lim && b64urlTab[s[j]] {
			j++
		}
		if parts < 2 && j-st < 10 {
			return 0
		}
		parts++
		if parts < 5 && at(s, j) == '.' && (parts < 2 || b64urlTab[at(s, j+1)]) {
			j++
			continue
		}
		if parts == 2 && at(s, j) == '.' {
			j++ // an unsecured JWT ends with the dot before its empty signature
			parts++
		}
		break
	}
	if parts < 3 || wordTab[at(s, j)] {
		return 0
	}
	return j
}

// b64urlTab holds the bytes of base64url (RFC 4648): letters, digits, '-'
// and '_'.
var b64urlTab = byteTable(func(c byte) bool { return isAlnum(c) || c == '-' || c == '_' })

// sepAt tries the kinds anchored at a ':' or '=' at i: credentials in a
// URL, an IPv6 address and a key=value secret. Most separators pass none
// of the cheap first tests of the three and return at once. start is
// where the text counts as beginning for the matchers that look back from
// the separator: after the last escape sequence (scanState.esc), or 0.
func sepAt[T text](r *Redactor, s T, i int, kv *kvMemo, start int) cand {
	c, n := s[i], at(s, i+1)
	url := c == ':' && n == '/' && at(s, i+2) == '/' && r.enabled[kSecret]
	// An IPv6 address at or after this colon starts with a hex digit or
	// a second colon right after it: `"key":"value"` stops here.
	ip := c == ':' && (n == ':' || hexTab[n]) && r.enabled[kIPv6]
	pair := r.enabled[kSecret] && credKeyBefore(s, i)
	if !url && !ip && !pair {
		return none
	}
	best := none
	if url {
		if st, e := matchURLCreds(s, i, start); e > 0 {
			// The user information of a URL beats the address-like
			// "password@host" inside it.
			pick(&best, cand{st, e, kSecret, prioChecksum})
		}
	}
	if ip {
		if st, e := matchIPv6At(s, i, start); e > 0 {
			pick(&best, cand{st, e, kIPv6, builtinPrio[kIPv6]})
		} else if hexTab[n] && tagBefore(s, i) {
			// After a tag: "ip6:2001:db8::/32", "[IPv6:2001:db8::25]",
			// "addr:fe80::1%eth0".
			j := i + 1
			for j < len(s) && j-i <= 4 && isHex(s[j]) {
				j++
			}
			if at(s, j) == ':' {
				if e := matchIPv6(s, i+1); e > 0 {
					pick(&best, cand{i + 1, e, kIPv6, builtinPrio[kIPv6]})
				}
			}
		}
	}
	if pair {
		if st, e := matchKeyValue(s, i, kv, start); e > 0 {
			if at(s, e) == ' ' {
				// A value that a number kind reads on past its first
				// space ("password=4242 4242 4242 4242", "pin: +44 20
				// 7946 0958", "token: DE89 3704 0044 0532 0130 00") is
				// a secret whole; ending it at the space would leave
				// the rest of the number.
				e = max(e, numberEnd(r, s, st))
			}
			pick(&best, cand{st, e, kSecret, builtinPrio[kSecret]})
		}
	}
	return best
}

// numberEnd returns the end of the card number, IBAN or phone number that
// starts at i, or 0.
func numberEnd[T text](r *Redactor, s T, i int) int {
	var c cand
	switch b := s[i]; {
	case isDigit(b):
		c = numeric(r, s, i)
	case b == '+' || b == '(':
		c = phoneAt(s, i)
	case isUpper(b):
		c = upperWord(r, s, i)
	default:
		return 0
	}
	if c.kind < 0 || c.start != i {
		return 0
	}
	return c.end
}

// tagBefore reports whether the word before the ':' at c is a tag that
// cannot be a group of an IPv6 address: it ends in a letter that is no
// hex digit, perhaps followed by one digit or an abbreviation's dot
// ("ip6", "IPv6", "addr", "Nr.", but not "1", "fe80" or "build450").
func tagBefore[T text](s T, c int) bool {
	k := c - 1
	if isDigit(at(s, k)) || at(s, k) == '.' {
		k--
	}
	b := at(s, k)
	return asciiLetter[b] && !hexTab[b]
}

// matchURLCreds matches the user information "user:password" of a URL
// "scheme://user:password@host"; i is the scheme's ':'. The scheme is the
// run of letters, digits, '+', '-' and '.' before i from its first letter
// on, whatever stands before it: "-https://", "_https://" and
// "xhttps://" all introduce the credentials.
func matchURLCreds[T text](s T, i, start int) (int, int) {
	k := i
	for lo := max(start, i-16); k > lo && schemeTab[s[k-1]]; {
		k--
	}
	for k < i && !asciiLetter[s[k]] {
		k++ // "-https", "1.https": the scheme starts at a letter
	}
	if k == i {
		return 0, 0
	}
	st := i + 3
	j := st
	colon := -1 // the first ':' of the user information
	lim := min(len(s), st+512)
	for j < lim && !notUserinfo[s[j]] && s[j] != ':' {
		j++
	}
	if j < lim && s[j] == ':' {
		colon = j
		j++
		for j < lim && !notUserinfo[s[j]] {
			j++
		}
	}
	if at(s, j) != '@' || colon < 0 || colon == j-1 {
		return 0, 0
	}
	h := at(s, j+1)
	if !isAlnum(h) && h != '[' {
		return 0, 0
	}
	return st, j
}

// schemeTab holds the bytes of a URL scheme: letters, digits, '+', '.'
// and '-'.
var schemeTab = byteTable(func(c byte) bool { return isAlnum(c) || c == '+' || c == '.' || c == '-' })

// notUserinfo holds the bytes that end the user information of a URL
// here: controls, space, '/', '?', '#', '[', ']', '@', quotes and angle
// brackets.
var notUserinfo = byteTable(func(c byte) bool {
	return c <= ' ' || c == '/' || c == '?' || c == '#' || c == '[' || c == ']' || c == '@' || c == '"' || c == '\'' || c == '<' || c == '>'
})

// matchKeyValue matches the value of a pair such as password=hunter2,
// "api_key": "abc123", token: 0a1b2c3d, X-Auth-Token=... or
// accessToken=...; i is the ':' or '='. The key names a credential: its
// last word, or its last two written as one, is in secretKeyWords (see
// keyEndsIn). The key may be quoted; one space may stand before the
// separator and one after it. A quoted value runs to its closing quote on
// the same line; an unquoted one to the next space, quote, comma,
// semicolon, '&' or bracket, and is a secret whatever it looks like and
// however short ("password= p@ss", "token: ab@cd"), with three exceptions:
// after ':' prose is left alone (proseWord: "Password: please reset it",
// "forgot password: yes", `"token":null`); after a space,
// the next pair of the line ("password= user=bob") or a command-line flag
// is no value; and a value never starts with '[' or '*', so labels and
// masks ("********", "****er22") are not detected again. The quotes may
// be those of JSON inside a JSON string (`{\"password\":\"...\"}`), and
// the value of a Cookie or Set-Cookie header runs to the end of its line.
// sepAt calls it only where credKeyBefore holds.
func matchKeyValue[T text](s T, i int, kv *kvMemo, start int) (int, int) {
	sep := s[i]
	k := i
	spaceBefore := at(s, k-1) == ' '
	if spaceBefore {
		k--
	}
	q := at(s, k-1)
	quotedKey := q == '"' || q == '\''
	escaped := false // the quotes are escaped: `\"password\":\"...\"`
	if quotedKey {
		k--
		if at(s, k-1) == '\\' {
			k--
			escaped = true
		}
	}
	e := k // > 0: credKeyBefore found a key's last two bytes before e
	if e <= start || !tailIn(s, max(start, e-40), e, secretKeyWords.byLast[lower(s[e-1])]) {
		// The key ends in no credential word. A key is at most 40 bytes
		// long, and the byte before it is no letter nor separator, so
		// the test from e-40 says what it says from the key's start.
		return 0, 0
	}
	for k > start && e-k <= 40 && keyTab[s[k-1]] {
		k--
	}
	if k == e || e-k > 40 {
		return 0, 0
	}
	if quotedKey && (k == start || at(s, k-1) != q || escaped && at(s, k-2) != '\\') {
		return 0, 0
	}
	if p := at(s, k-1); k > start && p == '[' || quotedKey && k-1 > start && at(s, k-2) == '[' {
		return 0, 0
	}
	if !wordsEndIn(s, k, e, &secretKeyWords) {
		return 0, 0
	}
	j := i + 1
	spaced := false
	if c := at(s, j); c == ' ' || c == '\t' {
		spaced = true
		j++
	}
	for n := 0; n < 4 && escapedSpace(s, j); n++ {
		j += 2 // "password:\n  hunter2" in a JSON string
		for at(s, j) == ' ' {
			j++
		}
		spaced = true
	}
	if q, w := quoteAt(s, j); w > 0 {
		st := j + w
		x := quotedEnd(s, st, q, w == 2)
		if x < 0 || x == st || s[st] == '[' || s[st] == '*' {
			return 0, 0
		}
		return st, x
	}
	if sep == ':' && keyEndsIn(s, k, e, &cookieWords) && cookiePair(s, j) {
		// A Cookie or Set-Cookie header: its value, to the end of the
		// line or to the quote that closes the header in a command line
		// (`-H "Cookie: SID=abc"`), is session and tracking IDs. One
		// longer than MaxSecretLen is cut there, so that the scan moves
		// on past it.
		x := j
		q := at(s, k-1)
		for x < len(s) && x-j < MaxSecretLen && s[x] != '\n' && s[x] != '\r' && !((q == '"' || q == '\'') && s[x] == q) && !escapedBreak(s, x) {
			x++
		}
		for x > j && (s[x-1] == ' ' || s[x-1] == '\t') {
			x--
		}
		return j, x
	}
	st := j
	x, long := valueEnd(kv, s, st)
	if x == st || s[st] == '[' || s[st] == '*' || long {
		return 0, 0 // empty, a label, a mask, or too long to be a credential
	}
	if spaced && nextPair(s, st, x) {
		return 0, 0 // "password= user=bob": the password is empty
	}
	if sep == ':' && proseWord(s, st, x) || sep == '=' && wordIn(s, st, x, &proseAnswers) {
		return 0, 0 // "Password: please reset it", "cookie=true", "password=none"
	}
	return st, x
}

// matchUserFlag matches the "user:password" of a command line's -u or
// --user option whose 'u' is at i, after a '-': curl's `-u admin:s3cr3t`,
// `--user "admin:s3cr3t"`, `--user=admin:s3cr3t` (curl(1), "-u, --user
// <user:password>"). The user name goes with the password, as in the user
// information of a URL. It returns the value's start and end, or 0, 0.
func matchUserFlag[T text](s T, i int) (int, int) {
	j := i + 1
	switch {
	case at(s, i-2) != '-' && !wordTab[at(s, i-2)] && at(s, j) == ' ':
		j++ // "-u "
	case at(s, i-2) == '-' && !wordTab[at(s, i-3)] && at(s, i-3) != '-' && hasAt(s, i, "user") && (at(s, i+4) == ' ' || at(s, i+4) == '='):
		j = i + 5 // "--user ", "--user="
	default:
		return 0, 0
	}
	if !curlBefore(s, i) {
		return 0, 0 // "docker run -u app:1000", "sudo -u deploy:deploy"
	}
	q := at(s, j)
	if q == '"' || q == '\'' {
		j++
	} else {
		q = 0
	}
	c := j
	for c < len(s) && c-j < 128 && (!notUserinfo[s[c]] || s[c] == '@') && s[c] != ':' && s[c] != '\\' {
		c++ // the user, perhaps an e-mail address; not a label's "[SECRET"
	}
	if c == j || at(s, c) != ':' || isDigit(at(s, c-1)) && isDigit(at(s, c+1)) {
		return 0, 0 // no user, no password, or "-u 10:30"
	}
	x := c + 1
	for x < len(s) && x-c < MaxSecretLen && s[x] != '\n' && (q != 0 && s[x] != q || q == 0 && s[x] > ' ' && s[x] != '"' && s[x] != '\'') && !escapedSpace(s, x) {
		x++ // in quotes, spaces too: -u "admin:pa ss"
	}
	if x == c+1 || q != 0 && at(s, x) != q {
		return 0, 0
	}
	return j, x
}

// curlBefore reports whether the word curl (or wget, http, https of
// HTTPie) stands on the line before i, within 256 bytes: the -u of other
// commands names a user and group ("docker run -u app:1000").
func curlBefore[T text](s T, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 256 && s[k] != '\n'; k-- {
		if (s[k] == 'c' && hasAt(s, k, "curl") || s[k] == 'w' && hasAt(s, k, "wget") || s[k] == 'h' && hasAt(s, k, "http")) && !wordTab[at(s, k-1)] {
			return true
		}
	}
	return false
}

// cookieWords end the keys of cookie headers ("Cookie", "Set-Cookie"),
// whose values matchKeyValue takes to the end of the line.
var cookieWords = newWordSet("cookie")

// quoteAt returns the quote that opens a quoted value at j and its length:
// a double or single quote (1), or the escaped quote of JSON inside a JSON
// string, `\"` (2); or 0, 0.
func quoteAt[T text](s T, j int) (byte, int) {
	switch c := at(s, j); {
	case c == '"' || c == '\'':
		return c, 1
	case c == '\\' && at(s, j+1) == '"':
		return '"', 2
	}
	return 0, 0
}

// quotedEnd returns where the quoted value that starts at st closes: at
// the next q that no backslash escapes, or at the next `\"` if escaped;
// -1 if the line or MaxSecretLen bytes end first.
func quotedEnd[T text](s T, st int, q byte, escaped bool) int {
	for x := st; x < len(s) && x-st < MaxSecretLen && s[x] != '\n'; x++ {
		switch {
		case escaped && s[x] == '\\' && at(s, x+1) == '"':
			return x
		case !escaped && s[x] == q:
			return x
		case !escaped && s[x] == '\\' && at(s, x+1) != '\n':
			x++ // an escaped byte
		}
	}
	return -1
}

// escapedSpace reports whether "\n", "\t" or "\r", the line break or tab
// of a JSON or C string, stands at j.
func escapedSpace[T text](s T, j int) bool {
	c := at(s, j+1)
	return at(s, j) == '\\' && (c == 'n' || c == 't' || c == 'r')
}

// escapedBreak reports whether "\n" or "\r" stands at j.
func escapedBreak[T text](s T, j int) bool {
	c := at(s, j+1)
	return at(s, j) == '\\' && (c == 'n' || c == 'r')
}

// cookiePair reports whether a cookie's name and '=' start at j
// (RFC 6265 section 4.1.1: a token, then '='), as in a Cookie header and
// unlike prose ("the cookie: it was stale").
func cookiePair[T text](s T, j int) bool {
	for x := j; x < len(s) && x-j <= 64; x++ {
		switch c := s[x]; {
		case c == '=':
			return x > j
		case c <= ' ' || c == ';' || c == ',' || c == '"' || c == '\'' || c >= utf8.RuneSelf:
			return false
		}
	}
	return false
}

// secretKeyTail holds, for each byte that ends a word of secretKeyWords
// in either case, the bits (keyPrevBit) of the bytes that may stand
// before it in a key ending in such a word: the word's last letter but
// one in either case, or a separator, which tailIn skips. It is 0 for
// the bytes that end no such word. The first test of every pair looks at
// the two bytes before the separator in this table.
var secretKeyTail = byteTable(func(c byte) (bits uint32) {
	for _, w := range secretKeyWords.byLast[lower(c)] {
		bits |= keyPrevBit[w[len(w)-2]] | keyPrevBit['_']
	}
	return bits
})

// keyPrevBit is the bit of a byte in secretKeyTail: bit k for the
// letters 'a'+k and 'A'+k, bit 31 for the separators '_', '-' and '.',
// and 0 for every other byte.
var keyPrevBit = byteTable(func(c byte) uint32 {
	switch {
	case isLower(c):
		return 1 << (c - 'a')
	case isUpper(c):
		return 1 << (c - 'A')
	case isKeySep(c):
		return 1 << 31
	}
	return 0
})

// credKeyBefore reports whether the bytes before the separator at i,
// past one space and one quote, may end a key that ends in a word of
// secretKeyWords: the first test of matchKeyValue, small enough to be
// inlined where most separators fail it. The PublicKeyToken of a .NET
// assembly name ("PublicKeyToken=b77a5c561934e089"), in every
// assembly-load error, is public and no credential.
func credKeyBefore[T text](s T, i int) bool {
	k := i - 1
	if k >= 0 && s[k] == ' ' {
		k--
	}
	if k >= 0 && (s[k] == '"' || s[k] == '\'') {
		k--
		if k >= 0 && s[k] == '\\' {
			k-- // `{\"password\":...}`: JSON inside a JSON string
		}
	}
	return k >= 0 && secretKeyTail[s[k]]&keyPrevBit[at(s, k-1)] != 0 && !foldEq(s, k-13, "publickeytoken")
}

// keyTab holds the bytes of a key in a key=value pair: letters, digits,
// '_', '-' and '.'.
var keyTab = byteTable(func(c byte) bool { return isAlnum(c) || isKeySep(c) })

// nextPair reports whether the value s[st:x], which follows a space, is
// rather the next pair of the line: a word and '=' and something else
// ("user=bob"; not the base64 padding of "c2VjcmV0=="), or a command-line
// flag ("--user").
func nextPair[T text](s T, st, x int) bool {
	if s[st] == '-' && at(s, st+1) == '-' {
		return true
	}
	k := st
	for k < x && k-st <= 40 && keyTab[s[k]] {
		k++
	}
	return k > st && k+1 < x && s[k] == '=' && s[k+1] != '='
}

// proseWord reports whether the value s[st:x] is prose rather than a
// credential: a word of ASCII letters, with at most its first one a
// capital, that either is one of the answers people write after a
// credential key ("yes", "none", "null", "expired": proseAnswers) or is
// followed on its line by another word ("Password: please reset it").
// Anything else after a credential key is taken for a credential, however
// short ("p@ss", "1234", "hunter2", "OK") or plain ("password: letmein").
func proseWord[T text](s T, st, x int) bool {
	if c := s[x-1]; x-st > 1 && (c == '.' || c == '!' || c == '?') {
		x-- // "none." ends a sentence
	}
	if wordIn(s, st, x, &proseAnswers) {
		return true // in any case: MySQL's "(using password: YES)"
	}
	for k := st; k < x; k++ {
		if c := s[k]; !isLower(c) && !(k == st && isUpper(c)) {
			return false
		}
	}
	if c := at(s, x+1); at(s, x) == ' ' && (isLower(c) || isUpper(c)) {
		return true
	}
	return false
}

// proseAnswers are the words people write after a credential key that
// are not credentials.
var proseAnswers = newWordSet("yes", "no", "none", "null", "nil", "true", "false", "empty", "unset",
	"unknown", "required", "optional", "expired", "reset", "changed", "redacted", "hidden", "sent", "missing",
	"enabled", "disabled", "blocked", "accepted", "allowed", "denied")

// kvMemo remembers the last stretch s[from:to] known to hold no value
// delimiter, from the start of the first value scanned in it; end tells
// whether to is the end of a value (a delimiter or the end of s). Values
// that start inside the stretch are not scanned again, so
// "password=password=..." costs linear time.
type kvMemo struct {
	from, to int
	end      bool
}

// valueDelimTab holds the bytes that end an unquoted key=value value.
var valueDelimTab = byteTable(func(c byte) bool {
	return c <= ' ' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '&' || c == '<' || c == '>' ||
		c == ')' || c == ']' || c == '}' || c == '(' || c == '[' || c == '{'
})

// valueEnd returns the end x of an unquoted key=value value at st: the
// first delimiter at or after st or the end of s, or a position
// MaxSecretLen or more past the start of the value when it is longer. long
// reports that it is: the value is too long to be a credential, or it lies
// inside such a value ("password=password=...", the values of the inner
// keys end where the outer one does). Such values are never detected, so
// that replacing one value of a chain cannot shorten the next one into a
// credential, pass after pass.
func valueEnd[T text](m *kvMemo, s T, st int) (x int, long bool) {
	if st < m.from || m.end && st > m.to {
		m.from, m.to, m.end = st, st, false // a new stretch
	}
	if m.end {
		return m.to, m.to-m.from >= MaxSecretLen
	}
	// The stretch may run on to st, and past it.
	x = m.to
	for x < st && !valueDelimTab[s[x]] {
		x++
	}
	if x < st {
		m.from, x = st, st // a delimiter before st: a new stretch
	}
	for limit := m.from + MaxSecretLen; x < len(s) && x < limit && !valueDelimTab[s[x]]; x++ {
	}
	m.to = x
	m.end = x == len(s) || valueDelimTab[s[x]]
	return x, x-m.from >= MaxSecretLen
}

// pemState remembers where the next "-----END " is, so that many BEGIN
// lines without an END cost one search, not one each.
type pemState struct {
	next int // index of the next "-----END " after the last BEGIN line; -1: none; -2: not searched
}

// pemMatch matches a private key block at i: "-----BEGIN ... PRIVATE
// KEY-----" up to the end of its "-----END ...-----" line, at most
// MaxPEMLen bytes in all. Without an END line in reach it matches the BEGIN
// line and the base64 lines that follow it. Certificates and public keys
// are not secrets and are left alone.
func pemMatch[T text](p *pemState, s T, i int) int {
	const begin = "-----BEGIN "
	if !hasAt(s, i, begin) {
		return 0
	}
	j := i + len(begin)
	lineEnd := -1
	for x := j; x < len(s) && x-j < 64 && s[x] != '\n'; x++ {
		if hasAt(s, x, "-----") {
			lineEnd = x + 5
			break
		}
	}
	if lineEnd < 0 || !containsAt(s, j, lineEnd-5, "PRIVATE KEY") {
		return 0
	}
	if p.next == -2 || p.next >= 0 && p.next < lineEnd {
		p.next = indexFrom(s, lineEnd, "-----END ")
	}
	if p.next >= 0 && p.next-i <= MaxPEMLen {
		for x := p.next + 9; x < len(s) && x-p.next < 64 && s[x] != '\n'; x++ {
			if hasAt(s, x, "-----") {
				if e := x + 5; e-i <= MaxPEMLen {
					return e
				}
				break
			}
		}
	}
	e := lineEnd
	for {
		x := e
		if at(s, x) == '\r' {
			x++
		}
		if at(s, x) != '\n' {
			break
		}
		x++
		st := x
		for x < len(s) && x-i < MaxPEMLen && (isAlnum(s[x]) || s[x] == '+' || s[x] == '/' || s[x] == '=') {
			x++
		}
		if x == st {
			break
		}
		e = x
	}
	return e
}

// hasAt reports whether s[i:] starts with w.
func hasAt[T text](s T, i int, w string) bool {
	if i < 0 || i+len(w) > len(s) {
		return false
	}
	return string(s[i:i+len(w)]) == w
}

// containsAt reports whether w occurs in s[a:b].
func containsAt[T text](s T, a, b int, w string) bool {
	for x := a; x+len(w) <= b; x++ {
		if hasAt(s, x, w) {
			return true
		}
	}
	return false
}

// indexFrom returns the index of the first w in s at or after i, or -1.
func indexFrom[T text](s T, i int, w string) int {
	for x := i; x+len(w) <= len(s); x++ {
		if s[x] == w[0] && hasAt(s, x, w) {
			return x
		}
	}
	return -1
}
