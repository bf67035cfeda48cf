package redact

// ibanLength is the length of an IBAN per country, from the SWIFT IBAN
// Registry (release 99, 2024), indexed by the two capitals of the country
// code less 'A': ibanLength[a-'A'][b-'A'] is the length in characters, 0
// for no country.
var ibanLength = func() (t [26][26]uint8) {
	for code, n := range map[[2]byte]uint8{
		{'A', 'D'}: 24, {'A', 'E'}: 23, {'A', 'L'}: 28, {'A', 'T'}: 20, {'A', 'Z'}: 28,
		{'B', 'A'}: 20, {'B', 'E'}: 16, {'B', 'G'}: 22, {'B', 'H'}: 22, {'B', 'I'}: 27,
		{'B', 'R'}: 29, {'B', 'Y'}: 28, {'C', 'H'}: 21, {'C', 'R'}: 22, {'C', 'Y'}: 28,
		{'C', 'Z'}: 24, {'D', 'E'}: 22, {'D', 'J'}: 27, {'D', 'K'}: 18, {'D', 'O'}: 28,
		{'E', 'E'}: 20, {'E', 'G'}: 29, {'E', 'S'}: 24, {'F', 'I'}: 18, {'F', 'K'}: 18,
		{'F', 'O'}: 18, {'F', 'R'}: 27, {'G', 'B'}: 22, {'G', 'E'}: 22, {'G', 'I'}: 23,
		{'G', 'L'}: 18, {'G', 'R'}: 27, {'G', 'T'}: 28, {'H', 'R'}: 21, {'H', 'U'}: 28,
		{'I', 'E'}: 22, {'I', 'L'}: 23, {'I', 'Q'}: 23, {'I', 'S'}: 26, {'I', 'T'}: 27,
		{'J', 'O'}: 30, {'K', 'W'}: 30, {'K', 'Z'}: 20, {'L', 'B'}: 28, {'L', 'C'}: 32,
		{'L', 'I'}: 21, {'L', 'T'}: 20, {'L', 'U'}: 20, {'L', 'V'}: 21, {'L', 'Y'}: 25,
		{'M', 'C'}: 27, {'M', 'D'}: 24, {'M', 'E'}: 22, {'M', 'K'}: 19, {'M', 'N'}: 20,
		{'M', 'R'}: 27, {'M', 'T'}: 31, {'M', 'U'}: 30, {'N', 'I'}: 28, {'N', 'L'}: 18,
		{'N', 'O'}: 15, {'O', 'M'}: 23, {'P', 'K'}: 24, {'P', 'L'}: 28, {'P', 'S'}: 29,
		{'P', 'T'}: 25, {'Q', 'A'}: 29, {'R', 'O'}: 24, {'R', 'S'}: 22, {'R', 'U'}: 33,
		{'S', 'A'}: 24, {'S', 'C'}: 31, {'S', 'D'}: 18, {'S', 'E'}: 24, {'S', 'I'}: 19,
		{'S', 'K'}: 24, {'S', 'M'}: 27, {'S', 'O'}: 23, {'S', 'T'}: 25, {'S', 'V'}: 28,
		{'T', 'L'}: 23, {'T', 'N'}: 24, {'T', 'R'}: 26, {'U', 'A'}: 29, {'V', 'A'}: 22,
		{'V', 'G'}: 24, {'X', 'K'}: 20, {'Y', 'E'}: 30,
	} {
		t[code[0]-'A'][code[1]-'A'] = n
	}
	return t
}()

// ibanMul is 10 for a digit and 100 for a capital, the factor that
// appending the byte's number (ibanVal) multiplies an IBAN's number by,
// and 0 for the bytes that are in no compact IBAN.
var ibanMul = byteTable(func(c byte) uint8 {
	switch {
	case isDigit(c):
		return 10
	case isUpper(c):
		return 100
	}
	return 0
})

// ibanVal is the number of a digit or capital in an IBAN's check: 0..9
// for digits, 10..35 for 'A'..'Z'.
var ibanVal = byteTable(func(c byte) uint8 {
	switch {
	case isDigit(c):
		return c - '0'
	case isUpper(c):
		return c - 'A' + 10
	}
	return 0
})

// matchIBAN matches an IBAN at i in capitals, either in one piece or in
// groups of four separated by single spaces (the paper format), with the
// country's length and a valid ISO 7064 mod-97 check.
func matchIBAN[T text](s T, i int) int {
	if !isUpper(at(s, i)) || !isUpper(at(s, i+1)) || !isDigit(at(s, i+2)) || !isDigit(at(s, i+3)) {
		return 0
	}
	L := int(ibanLength[s[i]-'A'][s[i+1]-'A'])
	if L == 0 {
		return 0
	}
	var buf [34]byte
	n := 0
	j := i
	for j < len(s) && ibanMul[s[j]] != 0 && n < L {
		buf[n] = s[j]
		n++
		j++
	}
	if n == L {
		if wordTab[at(s, j)] {
			return 0
		}
	} else if n == 4 && at(s, j) == ' ' {
		// Paper format: groups of four, the last one shorter.
		for n < L && at(s, j) == ' ' && ibanMul[at(s, j+1)] != 0 {
			j++
			g := 0
			for j < len(s) && ibanMul[s[j]] != 0 && g < 4 && n < L {
				buf[n] = s[j]
				n++
				j++
				g++
			}
			if g < 4 && n < L {
				return 0
			}
		}
		if n != L || wordTab[at(s, j)] {
			return 0
		}
	} else {
		return 0
	}
	if !ibanValid(buf[:n]) {
		return 0
	}
	return j
}

// ibanValid checks the mod-97 rule of ISO 13616 on a compact IBAN: move
// the first four characters to the end, turn letters into 10..35, and the
// number must be 1 modulo 97.
func ibanValid(b []byte) bool {
	return ibanMod(ibanMod(0, b[4:]), b[:4]) == 1
}

// ibanMod returns the remainder modulo 97 of the number m followed by the
// numbers of the digits and capitals of b. It takes the remainder after
// every 8 bytes, not after each: m < 97 grows to less than 97·100⁸, which
// fits in 64 bits.
func ibanMod(m uint64, b []byte) uint64 {
	for len(b) > 0 {
		n := min(len(b), 8)
		for _, c := range b[:n] {
			m = m*uint64(ibanMul[c]) + uint64(ibanVal[c])
		}
		m %= 97
		b = b[n:]
	}
	return m
}
