package redact

// Vendor tokens: credentials that their issuers mark with a fixed prefix so
// that secret scanners can find them (GitHub's "ghp_", Slack's "xoxb-",
// Stripe's "sk_live_"). They are secrets wherever they stand, without a
// key before them.
//
// The scanner stops at one pair of bytes of each prefix, chosen rare in
// text (see buildClasses), and vendorAt looks back from there for the
// whole prefix at the start of a word.

// vendorToken is one prefix and the body that must follow it.
type vendorToken struct {
	prefix string
	stop   int // the index in prefix of the byte the scanner stops at
	// The body: at least min and at most max bytes of body, in which
	// '-' and '_' count only if dash or under is set.
	min, max    int
	dash, under bool
	// mixed: the body is base62 and holds a digit, a capital and a
	// small letter; otherwise it holds a digit and a letter.
	mixed bool
}

// randomBody reports whether the body s[b:e] looks generated, not written: it
// holds a run of 10 letters and digits (or is one), a digit and a letter, and a
// capital and a small letter if mixed. Branch names, CSS classes, locale tags
// and placeholders ("sk-fix-login-redirect", "xoxb-your-bot-token-here",
// "sk_live_placeholder") lack a digit, a capital or such a run.
func randomBody[T text](s T, b, e int, mixed bool) bool {
	var digit, upper, lower bool
	run, longest := 0, 0 // letters and digits in a row
	for k := b; k < e; k++ {
		c := s[k]
		digit = digit || isDigit(c)
		upper = upper || isUpper(c)
		lower = lower || isLower(c)
		if isAlnum(c) {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if longest < min(10, e-b) {
		return false // words joined by '-' or '_': "sk-Feature-Login2-Redirect"
	}
	if mixed {
		return digit && upper && lower
	}
	return digit && (upper || lower)
}

// vendorTokens are the formats their issuers document:
//   - GitHub: https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
//     (ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server,
//     ghr_ refresh; 36 characters after the prefix) and fine-grained
//     personal access tokens "github_pat_";
//   - Slack: https://api.slack.com/authentication/token-types (xoxb- bot,
//     xoxp- user, xoxa-, xoxr-, xoxs-);
//   - Stripe: https://docs.stripe.com/keys (sk_live_, sk_test_, rk_live_,
//     rk_test_ secret and restricted keys; pk_ keys are publishable and
//     left alone);
//   - GitLab: https://docs.gitlab.com/security/tokens/ (glpat- personal
//     access tokens, 20 characters or more);
//   - Google API keys: "AIza" and 35 characters (Google Cloud API key
//     documentation);
//   - npm: https://docs.npmjs.com/about-access-tokens ("npm_" and 36
//     characters);
//   - OpenAI and Anthropic API keys: "sk-" ("sk-proj-", "sk-ant-") and 20
//     characters or more.
var vendorTokens = [...]vendorToken{
	{prefix: "ghp_", stop: 2, min: 36, max: 255, mixed: true},
	{prefix: "gho_", stop: 3, min: 36, max: 255, mixed: true},
	{prefix: "ghu_", stop: 3, min: 36, max: 255, mixed: true},
	{prefix: "ghs_", stop: 2, min: 36, max: 255, mixed: true},
	{prefix: "ghr_", stop: 3, min: 36, max: 255, mixed: true},
	{prefix: "github_pat_", stop: 6, min: 22, max: 255, under: true},
	{prefix: "xoxb-", stop: 1, min: 10, max: 255, dash: true},
	{prefix: "xoxp-", stop: 1, min: 10, max: 255, dash: true},
	{prefix: "xoxa-", stop: 1, min: 10, max: 255, dash: true},
	{prefix: "xoxr-", stop: 1, min: 10, max: 255, dash: true},
	{prefix: "xoxs-", stop: 1, min: 10, max: 255, dash: true},
	{prefix: "sk_live_", stop: 2, min: 10, max: 255, mixed: true},
	{prefix: "sk_test_", stop: 2, min: 10, max: 255, mixed: true},
	{prefix: "rk_live_", stop: 2, min: 10, max: 255, mixed: true},
	{prefix: "rk_test_", stop: 2, min: 10, max: 255, mixed: true},
	{prefix: "glpat-", stop: 5, min: 20, max: 255, dash: true, under: true, mixed: true},
	{prefix: "AIza", stop: 2, min: 35, max: 35, dash: true, under: true, mixed: true},
	{prefix: "npm_", stop: 3, min: 36, max: 36, mixed: true},
	{prefix: "sk-", stop: 2, min: 20, max: 255, dash: true, under: true, mixed: true},
}

// vendorByStop lists, for each byte, the vendorTokens whose prefix has
// it at the stop index. The pairs are chosen rare in text: "hp", "hs",
// "xo", "Iz", and '_' or '-' after a letter ("k_", "t-"); not "hr", which
// "three" and "through" hold.
var vendorByStop = func() (t [256][]uint8) {
	for k, v := range vendorTokens {
		c := v.prefix[v.stop]
		t[c] = append(t[c], uint8(k))
	}
	return t
}()

// vendorCand returns the vendor token whose prefix holds the pair of bytes
// ending at i as a candidate, or none. Like the other matchers that look
// back, it sees the text from st.from on (see scanState).
func vendorCand[T text](s T, i int, st *scanState) cand {
	v, o := view(s, st)
	if a, e := vendorAt(v, i-o); e > 0 {
		return cand{a + o, e + o, kSecret, builtinPrio[kSecret]}
	}
	return none
}

// vendorAt matches a vendor token whose prefix holds the pair of bytes
// ending at i, with the prefix at the start of a word; it returns the
// token's start and end, or 0, 0.
func vendorAt[T text](s T, i int) (int, int) {
	p := at(s, i-1)
	for _, k := range vendorByStop[s[i]] {
		v := &vendorTokens[k]
		if v.prefix[v.stop-1] != p {
			continue
		}
		st := i - v.stop
		if st < 0 || wordTab[at(s, st-1)] || at(s, st-1) == '-' || !hasAt(s, st, v.prefix) {
			continue
		}
		b := st + len(v.prefix)
		e := b
		for e < len(s) && e-b <= v.max {
			ch := s[e]
			if !isAlnum(ch) && !(ch == '-' && v.dash) && !(ch == '_' && v.under) {
				break
			}
			e++
		}
		if n := e - b; n < v.min || n > v.max || wordTab[at(s, e)] || at(s, e) == '-' || !randomBody(s, b, e, v.mixed) {
			continue
		}
		return st, e
	}
	return 0, 0
}
