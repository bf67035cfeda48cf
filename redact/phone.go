package redact

import "slices"

// Telephone numbers. Three shapes count on their own: international numbers
// with a '+' (E.164: a country code and 8 to 15 digits in all), NANP numbers
// with separators ((202) 555-0143, 202-555-0143, 1 202 555 0143) that obey
// the plan's N rules, and national numbers with a trunk 0 and separators
// (020 7946 0958, 01 23 45 67 89, 030/1234567). Any other run of 7 to 15
// digits is a phone number only right after a label ("Tel:", "phone
// number", "mobile_phone="). An extension ("ext. 12", "x12") joins the
// number.

// phoneAt returns the longest phone number starting at i, where s[i] is a
// digit that begins a word, a '+' or a '('.
func phoneAt[T text](s T, i int) cand {
	c := s[i]
	if c == '(' && !isDigit(at(s, i+1)) {
		return none // every shape has a digit after its '('
	}
	if c == '+' || c == '(' {
		p := at(s, i-1)
		if wordTab[p] || p == '+' || p == '.' || p == '-' || p == '/' {
			return none
		}
	}
	e := 0
	if c == '+' {
		e = matchE164(s, i)
	} else {
		e = max(matchNANP(s, i), matchNational(s, i))
		if le := matchLabelled(s, i); le > e {
			e = le
		}
	}
	if e == 0 {
		return none
	}
	return cand{i, extension(s, e), kPhone, builtinPrio[kPhone]}
}

// phoneRun reads digit groups from j separated by single spaces, dashes or
// dots, where a group may stand in parentheses. It returns the end of the
// last group, the digits read (not counting a "(0)" trunk group after a
// country code) and the number of groups. It stops after 16 digits. cut is
// the end of the longest run of groups before a space that held 8 to 15
// digits, or 0: where the number ends when the groups run on into another
// number ("+1 212 555 0143" in "+1 212 555 0143 2025550143") or into a
// time or date ("+14155552671" in "+14155552671 10:30").
func phoneRun[T text](s T, j int, allowTrunk bool) (end, digits, groups int, dateLike bool, cut int) {
	var sizes [8]int
	for groups < 8 {
		k := j
		open := at(s, k) == '('
		if open {
			k++
		}
		e := digitsRun(s, k)
		l := e - k
		if l == 0 {
			break
		}
		if open {
			if at(s, e) != ')' {
				break
			}
			e++
		}
		trunk := allowTrunk && open && l == 1 && s[k] == '0' && groups == 1
		if !trunk {
			digits += l
			sizes[groups] = l
			groups++
		}
		end = e
		if digits > 15 {
			return end, digits, groups, false, cut
		}
		c := at(s, e)
		sc, sw := groupSep(s, e)
		switch {
		case c == '(' || isDigit(c) && s[e-1] == ')':
			j = e
			continue
		case sw > 0 && (isDigit(at(s, e+sw)) || at(s, e+sw) == '('):
			if sc == ' ' && digits >= 8 {
				cut = e
			}
			j = e + sw
			continue
		case c == ' ' && (at(s, e+1) == '-' || at(s, e+1) == '/') && at(s, e+2) == ' ' && isDigit(at(s, e+3)):
			if digits >= 8 {
				cut = e // "+44 20 7946 0958 / 0959": the number, then another
			}
			j = e + 3 // "030 - 1234567"
			continue
		}
		break
	}
	// A date: 2024-01-15, 15.01.2024, 2024 01 15.
	if groups == 3 && (sizes[0] == 4 && sizes[1] == 2 && sizes[2] == 2 || sizes[0] == 2 && sizes[1] == 2 && sizes[2] == 4) {
		dateLike = true
	}
	return end, digits, groups, dateLike, cut
}

// runCut returns where a number read by phoneRun ends when the whole run
// is no number: at cut, if there is one and the run went on past 15 digits
// or into a time, a date or a version (nextNumber). A run glued to a word
// ("+44 20 7946 0958abc") or to more digits after a comma ("+33 1 23 45
// 67 89,123", which may be thousands) is no number at all.
func runCut[T text](s T, end, digits, cut int) int {
	if cut > 0 && (digits > 15 || nextNumber(at(s, end))) {
		return cut
	}
	return 0
}

// nextNumber reports whether c, right after a group of digits that
// numRightOK refuses to end a number at, makes that group the start of a
// time, date or dotted number ("10:30", "2026-12-04", "v2.3").
func nextNumber(c byte) bool { return c == ':' || c == '-' || c == '.' || c == '/' }

// matchE164 matches '+', a country code (not starting with 0) and 8 to 15
// digits in all, with optional separators and a "(0)" trunk. When the
// groups run on past 15 digits, the number ends at the last space before
// which it had 8 to 15.
func matchE164[T text](s T, i int) int {
	j := i + 1
	if sc, sw := groupSep(s, j); sc == ' ' {
		j += sw
	}
	c := at(s, j)
	if c < '1' || c > '9' {
		return 0
	}
	end, digits, _, _, cut := phoneRun(s, j, true)
	if digits < 8 || digits > 15 || !phoneRightOK(s, end) {
		end = runCut(s, end, digits, cut)
	} else if s[j] == '1' && digits > 11 && cut > 0 && cut < end {
		end = cut // "+1 202 555 0143 7 days": a NANP number has 11 digits
	}
	if end == 0 || signedNumber(s, i, j, end) {
		return 0
	}
	return end
}

// signedNumber reports whether the '+' at i and the digits read from j to
// end are a signed amount or a date, not a telephone number: an ISO date
// ("+2024-03-07"); a decimal ("+86400.123456789", Go's monotonic clock
// reading, "+1.50000000 BTC") other than the "+CC.NUMBER" form of EPP and
// WHOIS records (RFC 5733: "+1.7035555555", a country code of one to
// three digits and a number that does not start with 0, ten digits after
// "+1."); or an amount with a decimal comma, a currency sign or a currency
// code next to it ("+12 345 678,90 zł", "+10 000 000 ₽", "Rp +15.000.000").
func signedNumber[T text](s T, i, j, end int) bool {
	d1 := digitsRun(s, j)
	if d1-j == 4 && at(s, d1) == '-' && digitsRun(s, d1+1) == d1+3 && at(s, d1+3) == '-' && digitsRun(s, d1+4) == d1+6 {
		return true // "+2024-03-07"
	}
	// The shapes of an amount: a decimal ("+12.34567890"), or one run of
	// digits followed by groups of three ("+12 345 678", "+12345678").
	decimal := at(s, d1) == '.' && digitsRun(s, d1+1) == end
	th := thousands(s, d1, end)
	if decimal {
		cc, rest := d1-j, end-d1-1
		if cc > 3 || s[d1+1] == '0' || cc == 1 && s[j] == '1' && rest != 10 {
			return true // not "+CC.NUMBER"
		}
	}
	// One or two decimals after the thousands: after the number
	// ("+12 345 678,90", but not "+1-202-555-0143,42" in a CSV row), or
	// read by phoneRun as its last group ("+12 345 678.90").
	if c := at(s, end); (c == ',' || c == '.') && end > d1 && th {
		if f := digitsRun(s, end+1) - end - 1; f == 1 || f == 2 {
			return true
		}
	}
	if k := lastSep(s, j, end); k > d1 && (s[k] == '.' || s[k] == ',') && end-k-1 <= 2 && thousands(s, d1, k) {
		return true
	}
	if d1-j <= 3 && at(s, d1) == '.' && end-d1 >= 8 && th && lastByte(s, j, end, ' ') < 0 {
		return true // "+1.234.567.890": dotted thousands
	}
	// A currency marks an amount only if the digits are written as one
	// ("+12 345 678 Ft", "+12345678 EUR", "+12.34567890 ETH"), not in the
	// groups of a phone number or after a phone label ("+44 20 7946 0958
	// GBP", "phone: +1 202 555 0143 USD").
	if !(th || decimal) || labelBefore(s, i, &phoneLabels) {
		return false
	}
	tail := end
	if c := at(s, end); c == ',' || c == '.' {
		if f := digitsRun(s, end+1) - end - 1; f == 1 || f == 2 {
			tail = end + 1 + f // "+12345678,50 EUR"
		}
	}
	return currencyAt(s, tail, true) || currencyAt(s, i, false)
}

// lastSep returns the index of the last byte in s[j:end] that is no
// digit, or -1.
func lastSep[T text](s T, j, end int) int {
	for k := end - 1; k >= j; k-- {
		if !isDigit(s[k]) {
			return k
		}
	}
	return -1
}

// lastByte returns the index of the last c in s[j:end], or -1.
func lastByte[T text](s T, j, end int, c byte) int {
	for k := end - 1; k >= j; k-- {
		if s[k] == c {
			return k
		}
	}
	return -1
}

// thousands reports whether s[k:end] is groups of three digits, each after
// a space or a dot: the thousands of an amount.
func thousands[T text](s T, k, end int) bool {
	for k < end {
		if c := s[k]; c != ' ' && c != '.' || digitsRun(s, k+1) != k+4 {
			return false
		}
		k += 4
	}
	return k == end
}

// currencyAt reports whether a currency sign or an ISO 4217 code stands
// right after e (after is true) or right before it, with at most one
// space between.
func currencyAt[T text](s T, e int, after bool) bool {
	if after {
		if at(s, e) == ' ' {
			e++
		}
		if signFirst[at(s, e)] {
			for _, w := range currencySigns {
				if hasAt(s, e, w) {
					return true
				}
			}
		}
		we := e
		for we < len(s) && we-e <= 8 && asciiLetter[s[we]] {
			we++
		}
		return we-e >= 2 && !wordTab[at(s, we)] && wordIn(s, e, we, &currencyCodes)
	}
	if at(s, e-1) == ' ' {
		e--
	}
	if signLast[at(s, e-1)] {
		for _, w := range currencySigns {
			if hasAt(s, e-len(w), w) {
				return true
			}
		}
	}
	ws := e
	for ws > 0 && e-ws <= 8 && asciiLetter[s[ws-1]] {
		ws--
	}
	return e-ws >= 2 && !wordTab[at(s, ws-1)] && wordIn(s, ws, e, &currencyCodes)
}

// currencySigns and currencyCodes mark a signed number as an amount: the
// currency signs, and the ISO 4217 codes and local abbreviations (matched
// without regard to case).
var (
	currencySigns = [...]string{"€", "£", "¥", "₽", "₫", "₹", "₩", "₺", "₴", "₪", "₱", "฿", "$", "zł", "Kč", "R$", "руб", "грн", "лв"}
	signFirst     = byteTable(func(c byte) bool {
		return slices.ContainsFunc(currencySigns[:], func(w string) bool { return w[0] == c })
	})
	signLast = byteTable(func(c byte) bool {
		return slices.ContainsFunc(currencySigns[:], func(w string) bool { return w[len(w)-1] == c })
	})
	currencyCodes = newWordSet(
		"eur", "usd", "gbp", "pln", "huf", "rub", "vnd", "jpy", "cny", "inr", "chf", "sek", "nok",
		"dkk", "czk", "try", "uah", "brl", "mxn", "idr", "krw", "zar", "aud", "cad", "ron",
		"btc", "eth", "usdt", "usdc", "xrp", "sats", "ft", "kr", "rp", "lei",
		"euro", "euros", "dollar", "dollars", "yen", "pound", "pounds", "franc", "francs",
	)
)

// matchNANP matches a North American number: [1 ]NXX NXX XXXX with the
// area code in parentheses or followed by a space, dash or dot, where N is
// 2-9, the area code is not N11 and has no 9 in the middle (reserved), and
// the exchange is not N11.
func matchNANP[T text](s T, i int) int {
	j := i
	if at(s, j) == '1' {
		sp := at(s, j+1)
		if (sp == ' ' || sp == '-' || sp == '.') && (isDigit(at(s, j+2)) || at(s, j+2) == '(') {
			j += 2
		}
	}
	var area, exch int
	var sep byte
	if at(s, j) == '(' {
		if digitsRun(s, j+1) != j+4 || at(s, j+4) != ')' {
			return 0
		}
		area = j + 1
		j += 5
		if c := at(s, j); c == ' ' || c == '-' {
			j++
		}
		if digitsRun(s, j) != j+3 {
			return 0
		}
		exch = j
		j += 3
		sep = at(s, j)
		if sep != '-' && sep != ' ' && sep != '.' {
			return 0
		}
	} else {
		if digitsRun(s, j) != j+3 {
			return 0
		}
		area = j
		sep = at(s, j+3)
		if sep != '-' && sep != ' ' && sep != '.' {
			return 0
		}
		j += 4
		if digitsRun(s, j) != j+3 || at(s, j+3) != sep {
			return 0
		}
		exch = j
		j += 3
	}
	j++
	if digitsRun(s, j) != j+4 || !phoneRightOK(s, j+4) {
		return 0
	}
	if !nanpRules(s[area], s[area+1], s[area+2], s[exch], s[exch+1], s[exch+2]) {
		return 0
	}
	return j + 4
}

// nanpRules reports whether area code a0a1a2 and exchange x0x1x2 obey the
// NANP's N rules: both start 2-9, neither is N11, and the area code has no
// 9 in the middle (reserved).
func nanpRules(a0, a1, a2, x0, x1, x2 byte) bool {
	return a0 >= '2' && a1 != '9' && !(a1 == '1' && a2 == '1') && x0 >= '2' && !(x1 == '1' && x2 == '1')
}

// nanpDigits reports whether the ten digits d form a NANP number.
func nanpDigits(d []byte) bool {
	return nanpRules(d[0], d[1], d[2], d[3], d[4], d[5])
}

// matchNational matches a national number with a trunk 0: a first group of
// 2 to 5 digits starting 0[1-9] (or in parentheses), then groups of 2 to 8
// digits all separated alike (the first separator may differ, or be '/'),
// 9 to 12 digits in all, but not groups of 3, 2 and 4 digits separated
// alike, which is how SSNs are written ("078 05 1120") and no national plan
// writes phone numbers.
func matchNational[T text](s T, i int) int {
	j := i
	paren := at(s, j) == '('
	if paren {
		j++
	}
	if at(s, j) != '0' || at(s, j+1) < '1' || at(s, j+1) > '9' {
		return 0
	}
	e := digitsRun(s, j)
	if l := e - j; l < 2 || l > 5 {
		return 0
	}
	total := e - j
	if paren {
		if at(s, e) != ')' {
			return 0
		}
		e++
		if sc, sw := groupSep(s, e); sc == ' ' {
			e += sw
		}
	} else {
		_, sw := groupSep(s, e)
		if sw == 0 && at(s, e) != '/' {
			return 0
		}
		e += max(sw, 1)
	}
	groups := 1
	var sep byte
	end := 0
	var starts, sizes [8]int
	for groups < len(starts) {
		g := digitsRun(s, e)
		l := g - e
		if l < 2 || l > 8 {
			break
		}
		starts[groups], sizes[groups] = e, l
		total += l
		groups++
		end = g
		if c, w := groupSep(s, g); w > 0 && isDigit(at(s, g+w)) && (sep == 0 || sep == c) {
			sep = c
			e = g + w
			continue
		}
		break
	}
	if groups > 2 && sep == ' ' && (total > 12 && numRightOK(s, end) && sizes[groups-1] != sizes[groups-2] || nextNumber(at(s, end)) && !phoneRightOK(s, end)) {
		// The last group is the next number, a time or a date:
		// "020 7946 0958 12345", "030 12345678 2026-12-04"; but not a
		// group the size of the one before it, which continues a longer
		// number ("0123 4567 8901 2345", a voucher).
		groups--
		total -= sizes[groups]
		end = starts[groups-1] + sizes[groups-1]
	}
	if groups < 2 || total < 9 || total > 12 || !phoneRightOK(s, end) {
		return 0
	}
	if !paren && groups == 3 && sizes[1] == 2 && sizes[2] == 4 && end-i == 11 && s[i+3] == sep {
		// "078-05-1120", "078 05 1120": three, two and four digits
		// separated alike are the shape of a US Social Security number;
		// no national numbering plan writes its numbers so.
		return 0
	}
	if groups == 4 && sizes[1] == 4 && sizes[2] == 2 && sizes[3] == 2 && (hasAt(s, starts[1], "19") || hasAt(s, starts[1], "20")) {
		return 0 // "case 04-2026-11-23": a date after a short number
	}
	return end
}

// matchLabelled matches 7 to 15 digits, in groups or not, right after a
// phone label.
func matchLabelled[T text](s T, i int) int {
	// The label first: most numbers have none, and looking back from i
	// costs less than counting the digits after it.
	if !labelBefore(s, i, &phoneLabels) {
		return 0
	}
	// Then 7 digits within the next 20 bytes.
	d := 0
	for k := i; k < len(s) && k-i < 20 && d < 7; k++ {
		c := s[k]
		if isDigit(c) {
			d++
		} else if _, w := groupSep(s, k); w > 1 {
			k += w - 1 // a no-break space
		} else if !isPhoneSep(c) {
			break
		}
	}
	if d < 7 {
		return 0
	}
	end, digits, _, date, cut := phoneRun(s, i, false)
	if date {
		return 0
	}
	if digits < 7 || digits > 15 || !phoneRightOK(s, end) {
		return runCut(s, end, digits, cut)
	}
	return end
}

// groupSep returns the separator of digit groups at k and its length: a
// space, a dash or a dot, or a no-break space (U+00A0, or the narrow
// U+202F that French typography puts in numbers), which counts as a space
// and which HTML mail turns "&nbsp;" into ("Tel.:&nbsp;+49&nbsp;30...");
// or 0, 0.
func groupSep[T text](s T, k int) (byte, int) {
	switch c := at(s, k); c {
	case ' ', '-', '.':
		return c, 1
	}
	if n := noBreakSpace(s, k); n > 0 {
		return ' ', n
	}
	return 0, 0
}

// noBreakSpaceBefore returns the length of the no-break space that ends
// at i, or 0.
func noBreakSpaceBefore[T text](s T, i int) int {
	if noBreakSpace(s, i-2) == 2 {
		return 2
	}
	if noBreakSpace(s, i-3) == 3 {
		return 3
	}
	return 0
}

// noBreakSpace returns the length of the no-break space (U+00A0 or the
// narrow U+202F) at k, or 0.
func noBreakSpace[T text](s T, k int) int {
	switch at(s, k) {
	case 0xC2:
		if at(s, k+1) == 0xA0 {
			return 2
		}
	case 0xE2:
		if at(s, k+1) == 0x80 && at(s, k+2) == 0xAF {
			return 3
		}
	}
	return 0
}

// isPhoneSep reports whether c may stand between the digits of a number
// after a phone label: ' ', '-', '.', '(' or ')'.
func isPhoneSep(c byte) bool {
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'
}

// phoneRightOK reports whether a phone number may end at e: as any number,
// or right before an extension ("202-555-0146x123", "0146ext.5"), or an
// 'x' whose digits are missing.
func phoneRightOK[T text](s T, e int) bool {
	c := at(s, e)
	return numRightOK(s, e) || wordTab[c] && extension(s, e) > e ||
		(c == 'x' || c == 'X') && !wordTab[at(s, e+1)] // "0164x (extension left blank)"
}

// extension extends a phone number ending at e by an extension: "x12",
// " ext. 1234", ", ext 12", " extension 12".
func extension[T text](s T, e int) int {
	j := e
	if at(s, j) == ',' {
		j++
	}
	if at(s, j) == ' ' {
		j++
	}
	switch {
	case foldEq(s, j, "extension"):
		j += 9
	case foldEq(s, j, "ext"):
		j += 3
		if at(s, j) == '.' {
			j++
		}
	case lower(at(s, j)) == 'x' || at(s, j) == '#':
		j++
	default:
		return e
	}
	if at(s, j) == ' ' {
		j++
	}
	k := digitsRun(s, j)
	if l := k - j; l < 1 || l > 6 || wordTab[at(s, k)] {
		return e
	}
	return k
}
