## The app as a whole: the top bar, start-up, and the names that many views share.

# The accessible name of a tag, as screen readers and tests rely on it.
tag-label-objective = Objective { $number }: { $name }
tag-label-principle = Principle: { $name }
# Beside a French or Spanish tag name that is not the UN's own wording.
tag-unofficial = unofficial translation

language-label = Language
language-failed = The { $language } translation could not be loaded, so the interface is in English. Reload the page to try again.
language-changed = The interface is now in English.
language-switch-failed = The interface stays as it was: the { $language } translation could not be loaded ({ $reason }).

theme-label = Theme
    .title = Light or dark colours, or as the system is set
theme-system = System theme
theme-light = Light theme
theme-dark = Dark theme

update-ready = A new version of the app is ready.
update-reload = Reload to update
