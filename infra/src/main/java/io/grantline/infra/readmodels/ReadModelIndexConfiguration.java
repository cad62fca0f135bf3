package io.grantline.infra.readmodels;

import io.grantline.query.common.ReadModelIndexes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** With a configured MongoDB ({@code spring.data.mongodb.uri}, how production runs), the read models' indexes. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.data.mongodb.uri:}'.isEmpty()")
class ReadModelIndexConfiguration {

    @Bean
    ReadModelIndexes readModelIndexes(MongoTemplate mongo) {
        return new ReadModelIndexes(mongo);
    }
}
