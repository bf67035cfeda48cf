// Package redact finds personal data and secrets in helpdesk text and logs
// and replaces them.
//
// A [Redactor] detects the built-in kinds (see [Kind]) and any custom
// [Detector], and replaces each value with the [Operator] chosen for its
// kind: a label ("[EMAIL]", the default), a mask that keeps the last
// characters ("**** **** **** 4242"), a keyed pseudonym ("[EMAIL:7f3a9c1e]")
// or nothing. [Redactor.Redact] works on strings, [Redactor.RedactBytes]
// on byte slices and [Redactor.Writer] on streams.
//
// # Detection
//
// The scanner reads the text once and stops only at bytes that can anchor a
// value: a digit that begins a word, the pair of bytes that can begin an IBAN
// (a digit after two capitals at the start of a word), an AWS key ID ("AK",
// "AS" and the other prefixes) or a Bearer or Basic credential ("be", "ba"),
// '@', ':', '=', '+', '(', "--", the 'J' of a JWT's "eyJ" and the first bytes
// of custom detectors; one table look-up per byte, on the byte and the one
// before it, passes everything else. Hand-written matchers then decide, with
// strict validation: Luhn and the issuer's prefix and length for payment cards,
// the country's length and mod 97 for IBANs, the SSA's rules for Social
// Security numbers, the NANP's N rules for North American numbers. The N rules
// apply to numbers written without '+' ("(202) 555-0143"); after "+1" they do
// not: a '+' and 8 to 15 digits are evidence enough, and a mistyped area code
// in a customer's number ("+1 055 123 4567") is still that customer's number,
// so leaking it would cost more than masking it.
//
// A signed amount or date is no phone number, even after a '+': a decimal
// ("+86400.123456789", Go's monotonic clock reading; but "+1.7035555555" is
// the "+CC.NUMBER" form of EPP and WHOIS records), thousands with a decimal
// comma ("+12 345 678,90"), a number written as an amount (one run of
// digits, thousands or a decimal) with a currency sign or code next to it
// ("+10 000 000 ₽", "Rp +15.000.000"; but "+44 20 7946 0958 GBP" is a phone
// number) or "+2024-03-07". A national number after an order, invoice,
// ticket or article label ("Bestellung 0123-4567-89",
// "order_no=0123-4567-89") is that, not a phone number.
//
// A bare run of digits is a phone number or an SSN only with evidence: a
// '+', the separators of a national format, or a label such as "phone:" or
// "SSN" just before it, perhaps with filler words ("phone number is",
// "teléfono es", "Telefonnummer ist"); timestamps, order numbers, version
// strings, UUIDs, hashes, dates and money amounts are not reported. Three,
// two and four digits separated alike ("078-05-1120", "078 05 1120") are how
// SSNs are written and no national plan writes phone numbers, so they are a
// phone number only after a phone label; with spaces they are an SSN only
// after an SSN label, and only if the SSA could issue the number.
//
// A number in groups ends before the next token that
// cannot continue it: a time, a date or a number that would make it too long
// ("+14155552671 10:30", "020 7946 0958 12345"); the groups of a phone or card
// number may be separated by no-break spaces (U+00A0, U+202F), as HTML mail and
// French typography write them (those of IBANs may not); and a value after a
// date, a time or another number and a space is a value of its own ("10:30
// 202-555-0187", "123-00-4567 536-22-1807"). Only after a short group of digits
// ("4241 ") does a number continue the one before it, and only if it is not
// dashed ("Room 12 202-555-0143" is a phone number).
//
// An IPv4 address is four decimal numbers from 0 to 255 without leading
// zeros. Version strings and object identifiers (OIDs) can have the same
// shape, so a dotted quad is no address when it is part of a longer dotted
// sequence ("1.3.6.1.4.1", ".1.3.6.1", "v1.2.3.4", "1.2.3.4.5"), or when it
// follows, perhaps after ':', '=', '.' or quotes, a version or OID word
// (version, ver, v, build, release, rel, rev, revision, firmware, fw, sdk,
// api, app, oid, also as the end of a key such as "app_version" or
// "snmp_oid") or the name of a runtime, browser or system followed by its
// version: Python, Java, JDK, JRE, OpenJDK, PHP, Ruby, Perl, nodejs, dotnet,
// PowerShell, Firefox, Chrome, Chromium, Safari, Opera, Thunderbird,
// Outlook, Electron, Android, iOS, iPadOS, macOS, Ubuntu, Debian, kernel,
// BIOS, OpenSSL and OpenSSH ("OID 2.5.29.17", {"oid":"2.5.29.17"}, "Python
// 3.12.1.0", "Firefox 115.0.2.1" are not reported), nor is a quad after a
// section word (section, sec, chapter, clause, appendix, annex, paragraph,
// Abschnitt, Kapitel: "RFC 5280 section 4.2.1.6"). Netmasks
// ("255.255.255.0", "255.255.240.0"), the broadcast address 255.255.255.255
// and the unspecified address 0.0.0.0 name no host and are not reported
// either. Everywhere else a quad is an address ("IP 10.0.0.1", "server
// 192.168.1.10", "node 10.0.0.5", "from 8.8.8.8"), including a version or
// OID with no such word before it ("upgraded to 1.2.3.4", "2.5.4.3
// commonName"): nothing in the text tells those from an address.
//
// IPv6 addresses are found in every form of RFC 4291 and RFC 5952,
// including "::" compression, embedded IPv4 and zones ("fe80::1%eth0"),
// with three exclusions that keep code, times and counters out: a
// compressed address must hold a decimal digit, so "std::vector", "a::b"
// and the rare address spelled with hex letters only ("dead:beef::cafe")
// are not reported; it must not consist only of one- or two-digit
// decimal groups ("10:30::", "1::2", "::2" and the Python slice "a[::2]"
// are not), except the loopback address "::1", which is; and the
// unspecified address "::" alone is never reported. Eight groups of at
// most two hex digits are a Fibre Channel WWPN or an EUI-64
// ("50:06:01:60:3b:20:19:be") or a counter, not an address, except the
// loopback address written out ("0:0:0:0:0:0:0:1").
//
// An e-mail address may be written in any script, in its local part
// ("élodie.martin@example.fr") and in its domain ("info@bücher.example",
// "почта@пример.рф"), but its last label must be no file name extension
// or systemd unit type ("logo@2x.png" and "user@1000.service" are not
// addresses). Japanese and Chinese text has no spaces: where it meets an
// ASCII address, the address starts and ends at the change of script
// ("連絡先はjane@example.comまで"). A '_' after an address that ends a
// word closes markup ("_jane@example.com_"). An address URL-encoded in a
// query string, with "%40" for its '@', is an address too
// ("?email=jane.doe%40example.com"). Lower-case IBANs are not detected.
//
// The value after a credential key ("password=", "api_key:", "token: ",
// "accessToken=", quoted or not) is a secret whatever it looks like and however
// short ("password: p@ss", "password: letmein"). Only prose is left alone:
// after ':', a plain word followed by more words on its line ("Password: please
// reset it") or one of the answers people write there (yes, no, none, null,
// nil, true, false, empty, unset, unknown, required, optional, expired, reset,
// changed, redacted, hidden, sent, missing, enabled, disabled, blocked,
// accepted, allowed, denied, in any case), which after '=' are no secrets
// either ("cookie=true", "password=none"); and after a space the next key=value
// pair or a command-line flag ("password= user=bob").
//
// An unquoted value ends at a space, a quote, a comma, a semicolon, '&' or a
// bracket, the delimiters of query strings, cookies and code
// ("password=x&user=y"; so "password=Tr0ub4dor&3" keeps "&3"), unless a card
// number, IBAN or phone number reads on past a space: "password=4242 4242
// 4242 4242" and "pin: +44 20 7946 0958" are one secret each.
//
// The value of a Cookie or Set-Cookie header, which starts with a cookie's
// name and '=', is a secret to the end of its line, or to the quote that
// closes the header in a command line ("Cookie: SID=...; lang=en-US", `-H
// "Cookie: SID=..."`). The "user:password" of the -u or --user option of
// curl, wget or HTTPie ("curl -u admin:s3cr3t") is a secret, like the user
// information of a URL; the -u of other commands ("docker run -u app:1000")
// is not.
//
// Tokens whose issuers mark them with a prefix for secret scanners are
// secrets wherever they stand: GitHub's ghp_, gho_, ghu_, ghs_, ghr_ and
// github_pat_, Slack's xoxb-, xoxp-, xoxa-, xoxr- and xoxs-, Stripe's
// sk_live_, sk_test_, rk_live_ and rk_test_ (not the publishable pk_),
// GitLab's glpat-, Google's AIza API keys, npm's npm_ and the sk- keys of
// OpenAI and Anthropic, each with the length its issuer documents and a body
// that looks generated: a digit, letters (of both cases for the base62 ones)
// and a run of ten letters and digits, which branch names, CSS classes and
// placeholders ("sk-fix-login-redirect", "xoxb-your-token-here") lack.
//
// Values are found where logs and exports put them: right after the escape
// sequences of a JSON or C string ("\n", "\t", "\r", "\u00a0"), and in JSON
// written inside a JSON string (`{\"password\":\"...\"}`); fields of a CSV
// row ("...,+1-202-555-0143,2026-11-23,4111..."), keys without a space
// ("IP:203.0.113.1", "SSN:536-22-1807"), JSON labels ("phone": "..."), the
// credentials of a URL whatever stands before its scheme
// ("-https://user:pw@host", "_https://...") and the host after them, card
// numbers in request paths, both ends of an address range
// ("10.0.0.1-10.0.0.254") and extensions right after a number
// ("202-555-0146x123").
//
// # Overlaps
//
// Matches never overlap. When two kinds claim the same text the more
// specific one wins: checksummed kinds (credit_card, iban, and the user
// information of a URL) first, then validated ones (email, us_ssn, secret
// and custom detectors with a Validate function), then ipv4 and ipv6, then
// phone, then custom detectors without Validate; among equals the longer
// match wins. [Redactor.Find] reports byte offsets into its argument.
//
// # Cost
//
// Every matcher looks at a bounded window (at most [MaxSecretLen] bytes
// for tokens and [MaxPEMLen] for private key blocks, far less for the
// other kinds), and the scanner moves past each accepted match, so the
// time is linear in the input whatever it holds. Text without matches is
// redacted without allocating.
//
// # Idempotence
//
// Redacting redacted text changes nothing. Labels and pseudonyms are never
// detected again, and a value that starts right where another one ends is
// judged as if a label stood before it ("+15550100+15550100" is two
// numbers). Replacing a value still changes the context of its
// neighbours: deleting values with [Remove] can bring the remaining text
// together into something new ("password=x y" becomes "password= y", in
// which y is now the password and is deleted too), the characters a
// [Mask] keeps can join the text after them into a new value
// ("0100 00000x0100 00000", a number with an extension and then " 00000",
// masks to "**** ******0100 00000", which shows the number "0100 00000"),
// and a candidate that lost to an overlapping value can be a value of its
// own once that one is replaced. Every Redactor therefore scans the lines
// it changed again and redacts until nothing is found (at most 8 passes),
// which may label, delete or mask such a neighbour as well. Only those
// lines are scanned again (the whole text if it holds a private key block
// or an operator is Remove); the second pass finds nothing in almost all
// text, and values in a list separated by spaces or punctuation settle in
// the first. The bound of 8 passes is what keeps Redact linear; text that
// needs more is not made idempotent: more than 8 values glued together
// with nothing between them whose right context keeps changing (a phone
// number followed by "::1", repeated), or masks whose kept characters
// join the next value again and again. Such text is still redacted (every
// value found in a pass is replaced); a second Redact may find more.
//
// # Streams
//
// No match spans a line feed, except private key blocks, so the [Writer]
// redacts line by line and holds back only the unfinished last line (and
// an open key block); see [Writer] for the limits.
//
// # Logging with log/slog
//
// [Redactor.ReplaceAttr] plugs into [log/slog.HandlerOptions]: it redacts
// string values, errors, Stringers and structured values (rendered to JSON
// and rewritten), and replaces the value of any attribute whose key, or
// enclosing group, is sensitive ([Redactor.IsSensitiveKey]: password,
// token, authorization, cookie, ...) whatever it looks like. A key is
// sensitive when its last word, split at '-', '_', '.' and camelCase, is
// such a word, or its last two words written as one are ("accessToken",
// "X-Api-Key", "Proxy-Authorization", "http.request.header.cookie"); a
// word that only begins with one is not ("tokenizer", "author"). The
// key=value secrets found in text follow the same rule with the
// credential words ("accessToken=...", "X-Api-Key: ...").
// [Redactor.Handler] wraps any handler and also scrubs the message and the
// attributes added with WithAttrs (once, when added) and WithGroup; it never
// modifies the caller's record.
//
// # Sensitive values
//
// [Sensitive] holds a value such as a requester's e-mail address that must
// never be printed: fmt (every verb, %#v included), log/slog, encoding/json
// and encoding.TextMarshaler all see "[REDACTED]", and the value comes out
// only through [Sensitive.Reveal]. Pass Reveal's result to a Redactor built
// with the [Pseudonym] operator to count a customer without naming them.
package redact
