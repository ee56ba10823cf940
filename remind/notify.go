package remind

import "github.com/gen2brain/beeep"

// Notify shows a desktop notification with the platform's own means:
// the session's notification service over D-Bus (or notify-send) on
// Linux, the notification centre on macOS, a toast on Windows. None of
// them reaches the network.
func Notify(title, body string) error {
	beeep.AppName = "tillit"
	return beeep.Notify(title, body, "")
}
