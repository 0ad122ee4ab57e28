namespace TrustFund.Web;

/// <summary>
/// Marker for strings shared across features (validation messages, notices). English text is the
/// key; translations live in <c>Resources/SharedResource.&lt;culture&gt;.resx</c>.
/// </summary>
public sealed class SharedResource;
