namespace TrustFund.Domain.Calls;

/// <summary>Languages a proposal can be written in (UN official languages).</summary>
public enum ProposalLanguage
{
    English,
    French,
    Spanish,
    Arabic,
    Chinese,
    Russian,
}
