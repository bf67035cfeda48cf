package redact

// Kind names a kind of personal or secret data. The built-in kinds have
// stable names that appear in labels ("[EMAIL]"), pseudonyms and reports;
// a custom [Detector] adds its own.
type Kind string

// The built-in kinds.
const (
	KindEmail      Kind = "email"       // an e-mail address: jane.doe@example.com
	KindPhone      Kind = "phone"       // a telephone number: +44 20 7946 0958, (202) 555-0143
	KindCreditCard Kind = "credit_card" // a payment card number that passes Luhn and the issuer's rules
	KindIBAN       Kind = "iban"        // an IBAN with the country's length and a valid mod-97 check
	KindIPv4       Kind = "ipv4"        // a dotted-quad IPv4 address: 192.0.2.7
	KindIPv6       Kind = "ipv6"        // an IPv6 address in any RFC 4291/5952 text form
	KindUSSSN      Kind = "us_ssn"      // a US Social Security number that the SSA could issue
	KindSecret     Kind = "secret"      // a credential: token, password=..., cookie, key ID, key block
)

// builtinKinds lists the built-in kinds in a fixed order.
var builtinKinds = [...]Kind{KindEmail, KindPhone, KindCreditCard, KindIBAN, KindIPv4, KindIPv6, KindUSSSN, KindSecret}

// Match is one detected value: its kind and its byte offsets in the scanned
// text, Start inclusive and End exclusive. Both offsets fall on UTF-8
// boundaries of the text.
type Match struct {
	Kind       Kind
	Start, End int
}
