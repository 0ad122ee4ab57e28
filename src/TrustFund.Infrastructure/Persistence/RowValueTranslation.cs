using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Adds the translation of <see cref="RowValue"/> comparisons to a context's options (SQLite and PostgreSQL).</summary>
public sealed class RowValueTranslation : IDbContextOptionsExtension
{
    private RowValueTranslation()
    {
        Info = new ExtensionInfo(this);
    }

    public DbContextOptionsExtensionInfo Info { get; }

    public static DbContextOptionsBuilder AddTo(DbContextOptionsBuilder builder)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new RowValueTranslation());
        return builder;
    }

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "RowValues ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["TrustFund:RowValues"] = "1";
    }

    private sealed class Plugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql, typeMappings)];
    }

    private sealed class Translator(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (method.DeclaringType != typeof(RowValue) || !method.IsGenericMethod)
            {
                return null;
            }

            ExpressionType? comparison = method.Name switch
            {
                nameof(RowValue.LessThan) => ExpressionType.LessThan,
                nameof(RowValue.GreaterThan) => ExpressionType.GreaterThan,
                _ => null,
            };
            if (comparison is null)
            {
                return null;
            }

            var (first, otherFirst) = Typed(arguments[0], arguments[2]);
            var (second, otherSecond) = Typed(arguments[1], arguments[3]);
            return new SqlBinaryExpression(
                comparison.Value,
                new RowValueExpression([first, second]),
                new RowValueExpression([otherFirst, otherSecond]),
                typeof(bool),
                typeMappings.FindMapping(typeof(bool)));
        }

        /// <summary>Both sides in the column's type mapping, so a value is sent as the column stores it (converters included).</summary>
        private (SqlExpression, SqlExpression) Typed(SqlExpression left, SqlExpression right)
        {
            var mapping = Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(left, right);
            return (sql.ApplyTypeMapping(left, mapping), sql.ApplyTypeMapping(right, mapping));
        }
    }
}
