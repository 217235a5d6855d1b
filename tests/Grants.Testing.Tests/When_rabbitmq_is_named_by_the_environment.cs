using Grants.Testing;

namespace Grants.Testing.Tests;

public sealed class When_rabbitmq_is_named_by_the_environment
{
    [Fact]
    public void Should_take_the_credentials_of_the_management_url_first()
    {
        var endpoint = RabbitMqEndpoint.Parse("amqp://app:secret@broker:5673/", "http://admin:p%40ss@broker:15673");

        Assert.Equal(("admin", "p@ss"), (endpoint.UserName, endpoint.Password));
        Assert.Equal(new Uri("http://admin:p%40ss@broker:15673/"), endpoint.Management);
        Assert.Equal(new Uri("amqp://admin:p%40ss@broker:5673/t_1"), endpoint.AmqpFor("t_1"));
    }

    [Fact]
    public void Should_fall_back_to_the_amqp_credentials_and_the_usual_management_port()
    {
        var endpoint = RabbitMqEndpoint.Parse("amqp://app:secret@broker:5673/", null);

        Assert.Equal(("app", "secret"), (endpoint.UserName, endpoint.Password));
        Assert.Equal(new Uri("http://app:secret@broker:15672/"), endpoint.Management);
    }

    [Fact]
    public void Should_default_to_guest_without_any_credentials()
    {
        var endpoint = RabbitMqEndpoint.Parse("amqp://broker/", "http://broker:15672/");

        Assert.Equal(("guest", "guest"), (endpoint.UserName, endpoint.Password));
        Assert.Equal("/vhost%2Fwith%20slash", endpoint.AmqpFor("vhost/with slash").AbsolutePath);
    }
}
