namespace TrustFund.Domain.Common;

/// <summary>
/// Something that happened to an aggregate and that other parts of the system react to (an audit
/// entry, an email). Raised by the aggregate's intention-named methods, dispatched in the same
/// transaction as the change, before it is saved.
/// </summary>
public interface IDomainEvent;
