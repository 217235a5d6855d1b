namespace Grants.Portal.Resources;

/// <summary>
/// The portal's words, one resource for every page: the English text is the key and what shows
/// when a translation is missing; Text.fr.resx and Text.nl.resx hold the French and Dutch.
/// </summary>
public sealed class Text;
