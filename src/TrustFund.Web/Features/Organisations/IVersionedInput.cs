namespace TrustFund.Web.Features.Organisations;

/// <summary>A form that carries the version of the organisation it was opened on.</summary>
public interface IVersionedInput
{
    Guid Version { get; set; }
}
