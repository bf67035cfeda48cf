package redact

// defaultSensitiveKeys are attribute keys whose values are secret or
// personal whatever they look like. Keys compare case-insensitively, and
// '-', '_' and '.' are the same character, so "API-Key", "api_key" and
// "api.key" are one key.
var defaultSensitiveKeys = [...]string{
	"password", "passwd", "pwd", "passphrase", "secret", "token",
	"access_token", "refresh_token", "id_token", "auth_token",
	"api_key", "apikey", "authorization", "auth", "cookie", "set_cookie",
	"session", "sessionid", "session_id", "private_key", "client_secret",
	"ssn", "credit_card", "card_number", "cvv", "cvc",
}

// sensitiveSuffixes make any key ending in "_"+suffix sensitive:
// "db_password", "github_token", "x-api-key".
var sensitiveSuffixes = [...]string{"password", "passwd", "secret", "token", "api_key", "apikey", "private_key"}

// WithSensitiveKeys adds attribute keys whose values are always removed,
// whatever they look like, to the default list (see
// [Redactor.IsSensitiveKey]). An empty key makes [New] fail.
func WithSensitiveKeys(keys ...string) Option {
	keys = append([]string(nil), keys...)
	return func(c *config) { c.keys = append(c.keys, keys...) }
}

// IsSensitiveKey reports whether the value of an attribute with this key
// must be removed whatever it holds. Keys compare case-insensitively and
// treat '-', '_' and '.' alike. The default list is password, passwd, pwd,
// passphrase, secret, token, access_token, refresh_token, id_token,
// auth_token, api_key, apikey, authorization, auth, cookie, set_cookie,
// session, sessionid, session_id, private_key, client_secret, ssn,
// credit_card, card_number, cvv and cvc, plus any key that ends in '_' (or
// '-' or '.') followed by password, passwd, secret, token, api_key, apikey
// or private_key ("db_password", "X-Auth-Token", "x-api-key"); keys added
// by [WithSensitiveKeys] must match whole. It does not allocate.
func (r *Redactor) IsSensitiveKey(key string) bool {
	if r == nil {
		return false
	}
	for _, k := range r.keys {
		if keyEqual(key, k) {
			return true
		}
	}
	for _, suf := range sensitiveSuffixes {
		if len(key) > len(suf)+1 && keyEqual(key[len(key)-len(suf):], suf) && isKeySep(key[len(key)-len(suf)-1]) {
			return true
		}
	}
	return false
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
