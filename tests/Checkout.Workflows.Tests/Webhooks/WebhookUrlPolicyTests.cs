using System.Net;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Webhooks;

public sealed class WebhookUrlPolicyTests
{
    [Theory]
    [InlineData("https://hooks.example.com/checkout")]
    [InlineData("http://hooks.example.com:8080/in?x=1")]
    [InlineData("https://203.0.113.7/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://100.128.0.1/hook")]
    [InlineData("https://11.0.0.1/hook")]
    public void Check_PublicHttpUrl_Allows(string url)
    {
        Assert.Null(new WebhookUrlPolicy(allowLocalNetworks: false).Check(new Uri(url)));
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@hooks.example.com/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.1.1/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("http://METADATA.GOOGLE.INTERNAL./")]
    [InlineData("http://0.0.0.0/")]
    public void Check_DisallowedUrl_RefusesEvenInDevelopment(string url)
    {
        Assert.NotNull(new WebhookUrlPolicy(allowLocalNetworks: true).Check(new Uri(url)));
    }

    [Theory]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://127.8.9.10/hook")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://172.31.255.254/hook")]
    [InlineData("http://192.168.1.20:8080/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://[fd12:3456::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    public void Check_LoopbackOrPrivateNetwork_AllowedOnlyInDevelopment(string url)
    {
        Assert.Null(new WebhookUrlPolicy(allowLocalNetworks: true).Check(new Uri(url)));
        Assert.NotNull(new WebhookUrlPolicy(allowLocalNetworks: false).Check(new Uri(url)));
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.0.1")]
    public void CheckAddress_ResolvedToForbiddenAddress_Refuses(string address)
    {
        Assert.NotNull(new WebhookUrlPolicy(allowLocalNetworks: false).CheckAddress(IPAddress.Parse(address)));
    }
}
