package redact

// Numbers: payment cards, US Social Security numbers, IPv4 addresses and
// telephone numbers. A bare run of digits is never a phone number or an SSN
// on its own: it needs a '+', the separators of a national format, or a
// label such as "phone:" or "SSN" just before it.

// numLeftOK reports whether a number may start at i: it must not continue a
// word or another number ("v1.2", "ABC-123", "12/34", "10:30", "+15",
// "1,299"). A letter before a colon does not join ("IP:10.0.0.1",
// "SSN:536-22-1807"), and after a comma only a group of three digits
// continues a number.
func numLeftOK[T text](s T, i int) bool {
	p := at(s, i-1)
	switch leftTab[p] {
	case leftYes:
		return true
	case leftNo:
		return false
	}
	switch p {
	case '.', '-', '/':
		return !wordTab[at(s, i-2)]
	case ':':
		// "10:30" but not "IP:10.0.0.1" or "ip4:192.0.2.0".
		return !timeBefore(s, i-1) && !inPseudonym(s, i-1)
	case ',':
		// "1,299" and "12,345" but not "x,10.0.0.1",
		// "2026-11-23,4111111111111111" or "48213,536-22-1815" in a CSV
		// row, nor "42,203.0.113.7" or "7,536-22-1807", where what
		// follows the comma cannot be thousands.
		return !isDigit(at(s, i-2)) || digitsRun(s, i)-i != 3 || digitsBack(s, i-1) > 3 || nextField(s, i)
	}
	return true
}

// nextField reports whether the three digits at i, after a comma, begin
// a dashed number or a dotted quad rather than the thousands of the number
// before the comma ("7,536-22-1807", "42,203.0.113.7"; "1,299.99" is
// money).
func nextField[T text](s T, i int) bool {
	c := at(s, i+3)
	return c == '-' && isDigit(at(s, i+4)) || c == '.' && parseQuad(s, i) > 0
}

// timeBefore reports whether the ':' at c follows a number that stands
// alone, as in "10:30", or a long one ("4111111111111111:4111..."), and
// not a tag that ends in a few digits ("ip4:").
func timeBefore[T text](s T, c int) bool {
	k := c - digitsBack(s, c)
	p := at(s, k-1)
	return k < c && (!wordTab[p] || isDigit(p))
}

// digitsBack returns the number of digits just before e, at most 5.
func digitsBack[T text](s T, e int) int {
	n := 0
	for n < 5 && isDigit(at(s, e-n-1)) {
		n++
	}
	return n
}

// maskQuad reports whether the dotted quad s[i:e] is a netmask, 255
// followed by a contiguous run of one bits ("255.255.255.0",
// "255.255.240.0"), or the unspecified address 0.0.0.0: neither names a
// host.
func maskQuad[T text](s T, i, e int) bool {
	if !hasAt(s, i, "255.") && !hasAt(s, i, "0.0.0.0") {
		return false // most addresses
	}
	var v uint32
	k := i
	for n := 0; n < 4; n++ {
		o := uint32(0)
		for k < e && isDigit(s[k]) {
			o = o*10 + uint32(s[k]-'0')
			k++
		}
		v = v<<8 | o
		k++ // the dot
	}
	if v == 0 {
		return true
	}
	return v>>24 == 255 && ^v&(^v+1) == 0
}

// groupBefore reports whether the space at sp follows a group of at most
// four digits that stands alone or ends a word ("3704 ", "DE89 "), not
// one that ends a date, a time or a dashed or dotted number.
func groupBefore[T text](s T, sp int) bool {
	pl := digitsBack(s, sp)
	if pl == 0 || pl > 4 {
		return false
	}
	switch at(s, sp-pl-1) {
	case '-', '.', ':', '/', ',':
		return false
	}
	return true
}

// leftMaybe reports whether a number after p, where numLeftOK fails, may
// still be an IPv4 address or a card number (see numeric).
func leftMaybe(p byte) bool { return p == '@' || p == '-' || p == '/' || p == ',' }

// What the byte before a number says about it, in leftTab.
const (
	leftYes  = iota // a number may start after it
	leftNo          // a word byte, '+' or '@': the number continues something
	leftMore        // '.', '-', '/', ':' or ',': numLeftOK looks further
)

// leftTab classifies the byte before a number for numLeftOK.
var leftTab = byteTable(func(c byte) uint8 {
	switch {
	case wordTab[c] || c == '+' || c == '@':
		return leftNo
	case c == '.' || c == '-' || c == '/' || c == ':' || c == ',':
		return leftMore
	}
	return leftYes
})

// inPseudonym reports whether the ':' at c follows "[KIND", the start of a
// pseudonym ("[PHONE:98889007]"), which is never detected again.
func inPseudonym[T text](s T, c int) bool {
	k := c
	for k > 0 && c-k <= 32 && wordTab[s[k-1]] {
		k--
	}
	return at(s, k-1) == '['
}

// numRightOK reports whether a number may end at e: it must not run on into
// a word or another number. A comma continues the number only before
// exactly three digits ("1,299") and after a group of at most three; any
// other comma and digits are the next field of a CSV row.
func numRightOK[T text](s T, e int) bool {
	c := at(s, e)
	if wordTab[c] || c == '@' {
		return false
	}
	switch c {
	case '.', '-', '/', ':':
		return !isDigit(at(s, e+1))
	case ',':
		return digitsRun(s, e+1)-(e+1) != 3 || e >= 4 && isDigit(s[e-1]) && isDigit(s[e-2]) && isDigit(s[e-3]) && isDigit(s[e-4]) || nextField(s, e+1)
	}
	return true
}

// digitsRun returns the end of the run of digits starting at i.
func digitsRun[T text](s T, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// numeric tries every number kind at the digit s[i], which begins a word.
// The length g of the run of digits at i and the byte after it rule out
// most kinds before their matchers run: "02:15", "0x80070005" and "v2"
// cost a few comparisons.
func numeric[T text](r *Redactor, s T, i int) cand {
	// The short numbers first ("02:15", "0x80070005", "14%"), which
	// cost a look at the byte after them.
	e := digitsRun(s, i)
	g := e - i
	nx := at(s, e)
	_, sw := groupSep(s, e)
	sep := sw > 0
	if g < 7 && !sep && nx != '/' && nx != '(' && nx != ')' {
		return none // no kind continues after a short number here
	}
	left := numLeftOK(s, i)
	if !left && !leftMaybe(at(s, i-1)) {
		return none
	}
	if !left {
		// A few places are bad for other numbers but fine for these:
		// an IPv4 address after '@' (a URL's or ssh's host) or after
		// another one and '-' (a range) or ',' (a list), and a card
		// number after a path's '/'.
		p := at(s, i-1)
		ipLeft := g <= 3 && nx == '.' && (p == '@' || (p == '-' || p == ',') && quadEndsAt(s, i-1))
		cardLeft := p == '/' && (g >= 13 || g == 4 && nx == '-') // "/u/5555-5555-5555-4444/"
		switch {
		case ipLeft && r.enabled[kIPv4]:
			if e := matchIPv4(s, i); e > 0 && !maskQuad(s, i, e) {
				return cand{i, e, kIPv4, builtinPrio[kIPv4]}
			}
			return none
		case cardLeft && r.enabled[kCard]:
			if end := matchCard(s, i, e); end > 0 {
				return cand{i, end, kCard, builtinPrio[kCard]}
			}
		}
		return none
	}
	best := none
	if r.enabled[kIPv4] && g <= 3 && nx == '.' && !(at(s, i-1) == '.' && at(s, i-2) != '.') {
		// Not the tail of a dotted sequence (".1.3.6.1", an OID written
		// with its leading dot; "...10.0.0.1" after an ellipsis is fine).
		if e := matchIPv4(s, i); e > 0 && !versionBefore(s, i) && !maskQuad(s, i, e) {
			pick(&best, cand{i, e, kIPv4, builtinPrio[kIPv4]})
		}
	}
	// A number right after a short group of digits and a space continues
	// a longer sequence of groups (an IBAN, a tracking number): only an
	// IPv4 address, in a list of them, may start there, and a card number
	// in one run of 13 to 19 digits, which no grouping continues ("cards
	// 4242424242424242 4000056655665556", "Visa 13 4222222222222"). After
	// a date, a time, a dashed or dotted number or a run of five digits or
	// more (a ZIP code, a timestamp) a new number begins: "10:30
	// 202-555-0187", "IL 62704 217-555-0143", "123-00-4567 536-22-1807";
	// and so does a dashed one, whose shape no grouping by spaces
	// continues ("Room 12 202-555-0143", "ticket #4521 536-22-1807").
	if at(s, i-1) == ' ' && nx != '-' && groupBefore(s, i-1) {
		// A card in groups may also follow a number that cannot be one
		// of its groups: not four digits, nor the end of a word such as
		// an IBAN's "DE89" ("item 3 5555 5555 5555 4444").
		pl := digitsBack(s, i-1)
		grouped := pl != 4 && pl < 5 && !wordTab[at(s, i-1-pl-1)]
		if (g >= 13 || grouped) && r.enabled[kCard] {
			if end := matchCard(s, i, e); end > 0 {
				pick(&best, cand{i, end, kCard, builtinPrio[kCard]})
			}
		}
		return best
	}
	if r.enabled[kCard] && (g >= 13 || g == 4 && sep && nx != '.') {
		if end := matchCard(s, i, e); end > 0 {
			pick(&best, cand{i, end, kCard, builtinPrio[kCard]})
		}
	}
	if r.enabled[kSSN] && (g == 3 && (nx == ' ' || nx == '-') || g == 9) {
		if e := matchSSN(s, i); e > 0 {
			pick(&best, cand{i, e, kSSN, builtinPrio[kSSN]})
		}
	}
	if r.enabled[kPhone] {
		end := 0
		if sep && (g == 3 || g == 1 && s[i] == '1') {
			end = matchNANP(s, i)
		}
		if s[i] == '0' && 2 <= g && g <= 5 && (sep || nx == '/') {
			if ne := matchNational(s, i); ne > end && !labelBefore(s, i, &otherNumberLabels) {
				end = ne
			}
		}
		if c := at(s, e+1); g >= 7 || isPhoneSep(nx) && (isDigit(c) || isPhoneSep(c)) || sw > 1 && isDigit(at(s, e+sw)) {
			// A shorter number must go on after its separator to make
			// the 7 digits of matchLabelled.
			end = max(end, matchLabelled(s, i))
		}
		if end > 0 {
			pick(&best, cand{i, extension(s, end), kPhone, builtinPrio[kPhone]})
		}
	}
	return best
}

// ---- payment cards ----

// matchCard matches a card number at i: 13 to 19 digits in one run, or in
// groups of four separated by single spaces or dashes (Amex and Diners also
// 4-6-5 and 4-6-4), that pass Luhn and the issuer's prefix and length.
func matchCard[T text](s T, i, e int) int {
	var d [19]byte
	g := e - i
	if g >= 13 {
		if g > 19 || !numRightOK(s, e) {
			return 0
		}
		for k := 0; k < g; k++ {
			d[k] = s[i+k]
		}
		if cardValid(d[:g]) {
			return e
		}
		return 0
	}
	if g != 4 {
		return 0
	}
	sep, _ := groupSep(s, e) // a space, a dash or a no-break space
	if sep != ' ' && sep != '-' {
		return 0
	}
	// Collect up to five groups: ends[k] is the end of group k, nd[k] the
	// digits so far, sizes the group lengths.
	var ends, nd, sizes [5]int
	ng, total := 0, 0
	j := i
	for ng < 5 {
		e := digitsRun(s, j)
		l := e - j
		if l == 0 || total+l > 19 {
			break
		}
		for k := 0; k < l; k++ {
			d[total+k] = s[j+k]
		}
		total += l
		ends[ng], nd[ng], sizes[ng] = e, total, l
		ng++
		c, w := groupSep(s, e)
		if c != sep || !isDigit(at(s, e+w)) {
			break // a space and a no-break space may mix
		}
		if l != 4 && (ng != 2 || l != 6) || ng == 3 && sizes[1] == 6 {
			// Only the last group of a card is not four digits long,
			// but for the six of 4-6-5 and 4-6-4 (see cardShape): no
			// later group can end a card.
			break
		}
		j = e + w
	}
	for k := ng; k >= 3; k-- {
		t := nd[k-1]
		if t < 13 || !numRightOK(s, ends[k-1]) || !cardShape(sizes[:k]) {
			continue
		}
		if c, w := groupSep(s, ends[k-1]); c == sep && digitsRun(s, ends[k-1]+w) == ends[k-1]+w+4 && numRightOK(s, ends[k-1]+w+4) {
			continue // "4242 4242 4242 4242 4242": no card has five groups of four
		}
		if cardValid(d[:t]) {
			return ends[k-1]
		}
	}
	return 0
}

// cardShape reports whether group sizes are 4-4-...-(1..4), 4-6-5 or 4-6-4.
func cardShape(g []int) bool {
	if len(g) == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4) {
		return true
	}
	for k, n := range g {
		if n != 4 && (k != len(g)-1 || n < 1 || n > 4) {
			return false
		}
	}
	return true
}

// luhn reports whether the digits d pass the Luhn check.
func luhn(d []byte) bool {
	// From the last digit, which is kept, every second digit is doubled
	// (and 9 taken off when that is more than 9): two digits a round.
	sum := 0
	k := len(d) - 1
	for ; k >= 1; k -= 2 {
		sum += int(d[k]-'0') + int(luhnDouble[d[k-1]-'0'])
	}
	if k == 0 {
		sum += int(d[0] - '0')
	}
	return sum%10 == 0
}

// luhnDouble is a digit doubled the Luhn way.
var luhnDouble = [10]uint8{0, 2, 4, 6, 8, 1, 3, 5, 7, 9}

// prefixNum returns the number formed by the first n digits of d.
func prefixNum(d []byte, n int) int {
	v := 0
	for k := 0; k < n && k < len(d); k++ {
		v = v*10 + int(d[k]-'0')
	}
	return v
}

// cardValid checks Luhn and the issuer identification number: Visa 4
// (13, 16, 19 digits), Mastercard 51-55 and 2221-2720 (16), American
// Express 34 and 37 (15), Discover 6011, 644-649, 65 and 622126-622925
// (16-19), JCB 3528-3589 (16-19), Diners Club 300-305, 3095, 36, 38, 39
// (14-19) and UnionPay 62 (16-19).
func cardValid(d []byte) bool {
	l := len(d)
	if l < 13 || l > 19 {
		return false
	}
	p4 := prefixNum(d, 4)
	p1, p2, p3 := p4/1000, p4/100, p4/10
	ok := false
	switch {
	case p1 == 4:
		ok = l == 13 || l == 16 || l == 19
	case 51 <= p2 && p2 <= 55, 2221 <= p4 && p4 <= 2720:
		ok = l == 16
	case p2 == 34 || p2 == 37:
		ok = l == 15
	case p4 == 6011, 644 <= p3 && p3 <= 649, p2 == 65, p2 == 62:
		// Discover, and UnionPay (62, which includes Discover's 622126-622925).
		ok = l >= 16
	case 3528 <= p4 && p4 <= 3589:
		ok = l >= 16
	case 300 <= p3 && p3 <= 305, p4 == 3095, p2 == 36, p2 == 38, p2 == 39:
		ok = l >= 14
	}
	return ok && luhn(d)
}

// ---- US Social Security numbers ----

// matchSSN matches AAA-GG-SSSS anywhere, and AAA GG SSSS or AAAGGSSSS
// right after a label such as "SSN:".
func matchSSN[T text](s T, i int) int {
	var d [9]byte
	var e int
	labelled := false
	if digitsRun(s, i)-i == 3 && (at(s, i+3) == '-' || at(s, i+3) == ' ') {
		sep := s[i+3]
		if digitsRun(s, i+4) != i+6 || at(s, i+6) != sep || digitsRun(s, i+7) != i+11 {
			return 0
		}
		labelled = sep == ' '
		for k, p := range [9]int{0, 1, 2, 4, 5, 7, 8, 9, 10} {
			d[k] = s[i+p]
		}
		e = i + 11
	} else if digitsRun(s, i)-i == 9 {
		for k := 0; k < 9; k++ {
			d[k] = s[i+k]
		}
		e = i + 9
		labelled = true
	} else {
		return 0
	}
	if !numRightOK(s, e) || !ssnValid(d) || labelled && !labelBefore(s, i, &ssnLabels) {
		return 0
	}
	return e
}

// ssnValid applies the SSA's rules: no area 000, 666 or 900-999, no group
// 00, no serial 0000, and not one of the numbers the SSA voided after they
// were printed in advertising: 078-05-1120 (the Woolworth wallet card) and
// 219-09-9999 (an SSA pamphlet); the 987-65-4320 to 4329 range used in
// advertisements falls in the 9xx areas.
func ssnValid(d [9]byte) bool {
	area := prefixNum(d[0:3], 3)
	group := prefixNum(d[3:5], 2)
	serial := prefixNum(d[5:9], 4)
	switch {
	case area == 0 || area == 666 || area >= 900, group == 0, serial == 0:
		return false
	case area == 78 && group == 5 && serial == 1120, area == 219 && group == 9 && serial == 9999:
		return false
	}
	return true
}

// ---- IPv4 ----

// matchIPv4 matches a dotted quad at i: four decimal octets 0-255 without
// leading zeros. A port (":8080") or prefix length ("/24") may follow but
// is not part of the match; a fifth component (an OID) or a letter may not.
func matchIPv4[T text](s T, i int) int {
	j := parseQuad(s, i)
	if j == 0 {
		return 0
	}
	c := at(s, j)
	if wordTab[c] || c == '@' || c == '.' && isDigit(at(s, j+1)) {
		return 0
	}
	if c == '-' && isDigit(at(s, j+1)) && parseQuad(s, j+1) == 0 {
		return 0 // "1.2.3.4-5", but "10.0.0.1-10.0.0.254" is a range
	}
	return j
}

// parseQuad returns the end of four decimal octets 0-255 without leading
// zeros, separated by dots, at i; 0 if there are none.
func parseQuad[T text](s T, i int) int {
	j := i
	for k := 0; k < 4; k++ {
		if k > 0 {
			if at(s, j) != '.' {
				return 0
			}
			j++
		}
		e := digitsRun(s, j)
		l := e - j
		if l == 0 || l > 3 || l > 1 && s[j] == '0' {
			return 0
		}
		v := 0
		for k := j; k < e; k++ {
			v = v*10 + int(s[k]-'0')
		}
		if v > 255 {
			return 0
		}
		j = e
	}
	return j
}

// quadEndsAt reports whether an IPv4 address that begins a number ends at
// e: "10.0.0.1" in "10.0.0.1-10.0.0.254".
func quadEndsAt[T text](s T, e int) bool {
	k := e
	for k > 0 && e-k < 15 && (isDigit(s[k-1]) || s[k-1] == '.') {
		k--
	}
	for k < e && !isDigit(s[k]) {
		k++
	}
	return k < e && numLeftOK(s, k) && parseQuad(s, k) == e
}

// versionWords precede version numbers and object identifiers, which look
// like IPv4 addresses: "version 4.2.1.0", "OID 2.5.29.17",
// {"oid":"1.3.6.1"}, and the names of runtimes, browsers and systems that
// are followed by their version ("Python 3.12.1.0", "Firefox 115.0.2.1").
// Names that are also names of hosts or roles ("node", "edge", "redis",
// "windows") are left out: "node 10.0.0.5" is an address.
var versionWords = newWordSet(
	"v", "ver", "version", "build", "release", "rel", "firmware", "fw", "rev", "revision", "sdk", "api", "app", "versión", "versão", "versione",
	"oid",
	"python", "java", "jdk", "jre", "openjdk", "php", "ruby", "perl", "nodejs", "dotnet", "powershell",
	"firefox", "chrome", "chromium", "safari", "opera", "thunderbird", "outlook", "electron",
	"android", "ios", "ipados", "macos", "ubuntu", "debian", "kernel", "bios", "openssl", "openssh",
	"section", "sec", "chapter", "clause", "appendix", "annex", "paragraph", "abschnitt", "kapitel",
)

// versionBefore reports whether the word just before i is a version word.
func versionBefore[T text](s T, i int) bool {
	return labelBefore(s, i, &versionWords)
}

// ---- labels ----

var phoneLabels = newWordSet(
	"phone", "tel", "telephone", "mobile", "mob", "cell", "cellphone", "fax",
	"whatsapp", "telefon", "telefono", "teléfono", "téléphone", "tél", "handy",
	"mobil", "tlf", "ph", "móvil", "movil", "celular", "portable", "telefoon", "sms",
	"telefonnummer", "rufnummer", "handynummer", "mobilnummer", "telefoonnummer",
)

var ssnLabels = newWordSet("ssn", "security", "socsec")

// otherNumberLabels name numbers that have the shape of a national phone
// number but are not one: "case 08-2026-1123", "SIN 046 454 286",
// "Bestellung 0123-4567-89", "SKU 0123-4567-89", in the languages of the
// corpus.
var otherNumberLabels = newWordSet(
	"case", "ticket", "order", "invoice", "ref", "reference", "booking", "tracking", "sin", "nhs", "id", "po",
	"sku", "serial", "account", "receipt", "shipment", "parcel",
	"bestellung", "bestellnummer", "rechnung", "rechnungsnummer", "auftrag", "auftragsnummer",
	"kundennummer", "aktenzeichen", "beleg", "vorgang", "sendung", "lieferschein",
	"pedido", "factura", "referencia", "commande", "facture", "référence", "dossier",
	"ordine", "fattura", "bestelling", "factuur",
)

var numberWords = newWordSet("number", "no", "nr", "num", "n°", "nº", "numéro", "numero", "número", "nummer",
	"is", "es", "est", "ist", "è")

// wordSet holds lower-case words indexed by their last byte, so that a
// word of the text is compared only with the few words that end like it.
type wordSet struct {
	byLast [256][]string
}

func newWordSet(words ...string) (ws wordSet) {
	for _, w := range words {
		c := w[len(w)-1]
		ws.byLast[c] = append(ws.byLast[c], w)
	}
	return ws
}

// labelBefore reports whether the word before position i, skipping a few
// separators and an optional word such as "number", is one of labels or
// ends in '_' or '-' followed by one of them ("mobile_phone"). It looks
// back at most 48 bytes and never across a line feed. Words are runs of
// letters, '_', '-', '#' and non-ASCII bytes of at most 24 bytes.
func labelBefore[T text](s T, i int, labels *wordSet) bool {
	j := skipSepsBack(s, i)
	// The label, then at most two filler words: "phone 612…", "phone
	// number 612…", "phone number is 612…", "teléfono es 612…".
	for range 3 {
		if labelEndsAt(s, j, labels) {
			return true
		}
		k := fillerBefore(s, j)
		if k < 0 {
			return false
		}
		if p := at(s, k-1); p == '-' || p == '_' {
			return labelEndsAt(s, k-1, labels) // "Order-No.", "order_no="
		}
		j = skipSepsBack(s, k)
	}
	return false
}

// fillerBefore returns where the word of numberWords that ends at j
// starts, if it is a whole word or joined to a label by '-' or '_'; or -1.
func fillerBefore[T text](s T, j int) int {
	for _, w := range numberWords.byLast[lower(at(s, j-1))] {
		k := j - len(w)
		if k < 0 || !foldEq(s, k, w) {
			continue
		}
		if p := at(s, k-1); p == '-' || p == '_' || !isLabelByte(p) {
			return k
		}
	}
	return -1
}

// isLabelByte reports whether c belongs to a word for labelBefore.
func isLabelByte(c byte) bool {
	return isUpper(c) || isLower(c) || c == '_' || c == '-' || c >= 0x80 || c == '#'
}

// labelEndsAt reports whether the word ending at j (see labelBefore) is
// one of labels or ends in '_' or '-' and one of them.
func labelEndsAt[T text](s T, j int, labels *wordSet) bool {
	for _, l := range labels.byLast[lower(at(s, j-1))] {
		k := j - len(l)
		if k < 0 || !foldEq(s, k, l) {
			continue
		}
		if p := at(s, k-1); isLabelByte(p) && p != '_' && p != '-' {
			continue
		}
		// The whole word must be at most 24 bytes.
		ws := k
		for ws > 0 && j-ws < 24 && isLabelByte(s[ws-1]) {
			ws--
		}
		return ws == 0 || j-ws < 24
	}
	return false
}

// skipSepsBack moves back from i over at most 6 spaces and punctuation
// that sit between a label and its value, quotes included for JSON
// ("phone": "...") and escaped quotes for JSON inside a JSON string
// (\"phone\":\"...).
func skipSepsBack[T text](s T, i int) int {
	for n := 0; n < 6 && i > 0; n++ {
		switch s[i-1] {
		case ' ', '\t', ':', '.', '#', '=', '-', '(', '[', '"', '\'', '\\':
			i--
			continue
		case 0xA0, 0xAF: // the last byte of a no-break space: "Tél.\u00a0: 612…"
			if w := noBreakSpaceBefore(s, i); w > 0 {
				i -= w
				continue
			}
		}
		break
	}
	return i
}

func wordIn[T text](s T, ws, we int, words *wordSet) bool {
	for _, w := range words.byLast[lower(s[we-1])] {
		if we-ws == len(w) && foldEq(s, ws, w) {
			return true
		}
	}
	return false
}

// foldEq reports whether s[k:k+len(w)] equals the lower-case w, ignoring
// ASCII case.
func foldEq[T text](s T, k int, w string) bool {
	if k < 0 || k+len(w) > len(s) {
		return false
	}
	for x := 0; x < len(w); x++ {
		if lower(s[k+x]) != w[x] {
			return false
		}
	}
	return true
}
