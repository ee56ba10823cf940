package locale

import "tillit/config"

// SettingsTemplate is a new settings file in the catalog's language: every
// key commented out, with what it does, what it allows, and the variable
// that sets it for one run.
func (c *Catalog) SettingsTemplate() []byte {
	return config.Template(c.T("settings.file_header"),
		func(k config.Key) string {
			about := c.T("settings.about." + k.Name)
			switch k.Kind {
			case config.Choice, config.Bool, config.Clock:
				return about + "\n" + c.T("settings.template_allowed", "Allowed", c.Allowed(k.Name), "Env", k.Env())
			}
			return about + "\n" + c.T("settings.template_env", "Env", k.Env())
		},
		func(k config.Key) string {
			switch k.Name {
			case "lang":
				return c.Lang()
			case "journal":
				return "~/Documents/tillit"
			case "name":
				return c.T("settings.example.name")
			case "people":
				return c.T("settings.example.people")
			case "editor":
				return "nano"
			}
			return k.Default
		})
}
