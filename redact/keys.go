package redact

// A key is sensitive when its last word, or its last two words written as
// one, is a sensitive word. Words are split at '-', '_' and '.' and at
// camelCase boundaries: "accessToken" is access+Token, "X-Api-Key" is
// X+Api+Key, "APIKey" is API+Key, "http.request.header.cookie" ends in
// cookie. "tokenizer", "author", "token_count" and "passwordless_enabled"
// end in no sensitive word and are not sensitive.

// credentialWords end the keys whose values are credentials: the key of a
// key=value secret in text (secretKeyWords), and a sensitive attribute key.
var credentialWords = []string{
	"password", "passwd", "pwd", "passphrase", "secret", "token",
	"apikey", "accesskey", "secretkey", "privatekey",
	// Keys written as one lower-case word (Django's "csrftoken" and
	// "sessionid" cookies, OAuth's tokens in form fields).
	"csrftoken", "xsrftoken", "accesstoken", "refreshtoken", "authtoken", "apitoken",
	"sessiontoken", "idtoken", "clientsecret", "sessionid", "cookie",
	// Environment variables of .env files and CI settings: PostgreSQL's
	// PGPASSWORD, "DB_PASS", "SMTP_PASS", "ENCRYPTION_KEY", Rails's
	// "SECRET_KEY_BASE".
	"pgpassword", "dbpass", "smtppass", "mailpass", "ftppass",
	"encryptionkey", "signingkey", "masterkey", "keybase",
}

var secretKeyWords = newWordSet(credentialWords...)

// sensitiveKeyWords end the attribute keys whose values are removed
// whatever they hold: the credential words and the words of headers,
// second factors and personal numbers.
var sensitiveKeyWords = newWordSet(append(credentialWords[:len(credentialWords):len(credentialWords)],
	"authorization", "ssn", "creditcard", "cardnumber", "cvv", "cvc",
	"credential", "credentials", "jwt", "otp", "passcode")...)

// defaultSensitiveKeys are sensitive as whole keys only: "auth" and
// "session" hold credentials, "oauth_provider" or "session_count" do not.
var defaultSensitiveKeys = [...]string{"auth", "session"}

// WithSensitiveKeys adds attribute keys whose values are always removed,
// whatever they look like, to the default list (see
// [Redactor.IsSensitiveKey]). An empty key makes [New] fail.
func WithSensitiveKeys(keys ...string) Option {
	keys = append([]string(nil), keys...)
	return func(c *config) { c.keys = append(c.keys, keys...) }
}

// IsSensitiveKey reports whether the value of an attribute with this key
// must be removed whatever it holds.
//
// A key is sensitive when its last word, or its last two words written as
// one, is password, passwd, pwd, passphrase, secret, token, apikey,
// accesskey, secretkey, privatekey, csrftoken, xsrftoken, accesstoken,
// refreshtoken, authtoken, apitoken, sessiontoken, idtoken, clientsecret,
// sessionid, cookie, pgpassword, dbpass, smtppass, mailpass, ftppass,
// encryptionkey, signingkey, masterkey, keybase, authorization, ssn,
// creditcard, cardnumber, cvv, cvc, credential, credentials, jwt, otp or
// passcode, ignoring case. Words are split at '-', '_' and '.' and where
// camelCase starts a new word ("accessToken", "APIKey", "X-Api-Key",
// "Proxy-Authorization", "http.request.header.cookie", "db_password",
// "set-cookie", "sessionId" are sensitive). A word that only begins with a
// sensitive word is not ("tokenizer", "author", "passwords_reset_at",
// "token_count", "passwordless_enabled"), and neither is a key that ends in
// a separator. The keys "auth" and "session" are sensitive as whole keys
// only, and so are the keys added with [WithSensitiveKeys]; whole keys
// compare case-insensitively and treat '-', '_' and '.' alike
// ("Customer-PIN" matches "customer_pin"). It does not allocate.
func (r *Redactor) IsSensitiveKey(key string) bool {
	if r == nil {
		return false
	}
	for _, k := range r.keys {
		if keyEqual(key, k) {
			return true
		}
	}
	return keyEndsIn(key, 0, len(key), &sensitiveKeyWords)
}

// keyEndsIn reports whether the key s[a:b] ends in one of words: its last
// word, or its last two words written together, is one of them (see
// [Redactor.IsSensitiveKey]). It looks at the last two words only.
func keyEndsIn[T text](s T, a, b int, words *wordSet) bool {
	if b <= a || !tailIn(s, a, b, words.byLast[lower(s[b-1])]) {
		return false
	}
	return wordsEndIn(s, a, b, words)
}

// wordsEndIn is keyEndsIn for a key s[a:b] that is not empty and whose
// tail passed tailIn.
func wordsEndIn[T text](s T, a, b int, words *wordSet) bool {
	ws := keyWordStart(s, a, b)
	if ws == b {
		return false // the key ends in a separator
	}
	if wordIn(s, ws, b, words) {
		return true
	}
	pe := ws
	for pe > a && isKeySep(s[pe-1]) {
		pe--
	}
	ps := keyWordStart(s, a, pe)
	if ps == pe {
		return false
	}
	n := pe - ps
	for _, w := range words.byLast[lower(s[b-1])] {
		if n+b-ws == len(w) && foldEq(s, ps, w[:n]) && foldEq(s, ws, w[n:]) {
			return true
		}
	}
	return false
}

// tailIn reports whether the key s[a:b], with its separators left out,
// ends in one of words, ignoring case. Every key keyEndsIn accepts passes
// ("db_password", "api_key", "accessToken"), so this cheap test rejects
// most other keys ("event", "payment", "client_ip") after a byte or two,
// before the words of the key are found.
func tailIn[T text](s T, a, b int, words []string) bool {
	for _, w := range words {
		k, x := b, len(w)
		for x > 0 && k > a {
			k--
			if c := s[k]; lower(c) == w[x-1] {
				x--
			} else if !isKeySep(c) {
				break
			}
		}
		if x == 0 {
			return true
		}
	}
	return false
}

// keyWordStart returns where the word of a key that ends at e begins: after
// a separator, at a capital that follows a lower-case letter or a digit
// ("access|Token"), or at the last capital of a run followed by a
// lower-case letter ("API|Key"); never before a.
func keyWordStart[T text](s T, a, e int) int {
	x := e
	for x > a && !isKeySep(s[x-1]) {
		if x < e && isUpper(s[x]) {
			if p := s[x-1]; isLower(p) || isDigit(p) || isUpper(p) && x+1 < e && isLower(s[x+1]) {
				break
			}
		}
		x--
	}
	return x
}

func isKeySep(c byte) bool { return c == '_' || c == '-' || c == '.' }

// keyFold maps a key byte to its canonical form: lower case, separators as '_'.
func keyFold(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	if c == '-' || c == '.' {
		return '_'
	}
	return c
}

// keyEqual compares a key with a normalized key.
func keyEqual(key, norm string) bool {
	if len(key) != len(norm) {
		return false
	}
	for i := 0; i < len(key); i++ {
		if keyFold(key[i]) != norm[i] {
			return false
		}
	}
	return true
}

func normalizeKeys(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		b := []byte(k)
		for i := range b {
			b[i] = keyFold(b[i])
		}
		out = append(out, string(b))
	}
	return out
}
