package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"
)

// Encrypt returns data encrypted with age: to the recipients' public keys
// (age1…), or, with none, to a passphrase. The result opens with the
// standard age -d. It works in memory, so nothing unencrypted is written.
func Encrypt(data []byte, recipients []string, passphrase string) ([]byte, error) {
	var rs []age.Recipient
	if len(recipients) > 0 {
		parsed, err := age.ParseRecipients(strings.NewReader(strings.Join(recipients, "\n")))
		if err != nil {
			return nil, fmt.Errorf("--recipient: %w", err)
		}
		rs = parsed
	} else {
		if passphrase == "" {
			return nil, errors.New("an empty passphrase protects nothing")
		}
		r, err := age.NewScryptRecipient(passphrase)
		if err != nil {
			return nil, err
		}
		rs = []age.Recipient{r}
	}
	var out bytes.Buffer
	w, err := age.Encrypt(&out, rs...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
