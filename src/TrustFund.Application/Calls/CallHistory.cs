using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Calls.Events;

namespace TrustFund.Application.Calls;

/// <summary>Writes the audit entries of a call's lifecycle and of its clarification questions.</summary>
internal sealed class CallHistory :
    IDomainEventHandler<CallPublished>,
    IDomainEventHandler<CallClosed>,
    IDomainEventHandler<CallDeleted>,
    IDomainEventHandler<ClarificationAsked>,
    IDomainEventHandler<ClarificationAnswered>,
    IDomainEventHandler<ClarificationPublished>
{
    private readonly IAuditTrail _audit;

    public CallHistory(IAuditTrail audit)
    {
        _audit = audit;
    }

    public Task HandleAsync(CallPublished domainEvent, CancellationToken cancellationToken) =>
        Record(AuditActions.CallPublished, $"Call {domainEvent.Code} published", nameof(Call), domainEvent.CallId);

    public Task HandleAsync(CallClosed domainEvent, CancellationToken cancellationToken) =>
        Record(AuditActions.CallClosed, $"Call {domainEvent.Code} closed", nameof(Call), domainEvent.CallId);

    public Task HandleAsync(CallDeleted domainEvent, CancellationToken cancellationToken) =>
        Record(AuditActions.CallDeleted, $"Call {domainEvent.Code} ({domainEvent.Title}) deleted", nameof(Call), domainEvent.CallId);

    public Task HandleAsync(ClarificationAsked domainEvent, CancellationToken cancellationToken) =>
        Record(AuditActions.ClarificationAsked, "Clarification question asked", nameof(ClarificationQuestion), domainEvent.QuestionId);

    public Task HandleAsync(ClarificationAnswered domainEvent, CancellationToken cancellationToken) =>
        domainEvent.AmendedPublishedAnswer
            ? Record(AuditActions.ClarificationAmended, "Published clarification answer amended; the earlier text is kept", nameof(ClarificationQuestion), domainEvent.QuestionId)
            : Record(AuditActions.ClarificationAnswered, "Clarification question answered", nameof(ClarificationQuestion), domainEvent.QuestionId);

    public Task HandleAsync(ClarificationPublished domainEvent, CancellationToken cancellationToken) =>
        Record(AuditActions.ClarificationPublished, "Clarification answer published", nameof(ClarificationQuestion), domainEvent.QuestionId);

    private Task Record(string action, string summary, string entityType, Guid entityId)
    {
        _audit.Record(action, summary, entityType, entityId.ToString("D", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}
